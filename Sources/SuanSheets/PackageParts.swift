import Foundation

/// The small parts of a package that say where the sheets are: the workbook's sheet list, the
/// relationships that map its ids to part paths, and the shared strings.
enum PackageParts {
    /// `xl/workbook.xml`: each sheet's name and relationship id, in tab order; whether dates
    /// count from 1904 (old Mac workbooks) instead of 1900.
    static func sheets(_ data: Data) throws(WorkbookError) -> (sheets: [(name: String, id: String)], date1904: Bool) {
        var sheets: [(name: String, id: String)] = []
        var date1904 = false
        try XMLEvents.parse(data, part: "xl/workbook.xml") { event throws(WorkbookError) in
            guard case .start(let name, let attributes) = event else { return }
            if name == "sheet" || name.hasSuffix(":sheet"), let sheet = attributes["name"] {
                let id = attributes.first(where: { $0.key == "r:id" || $0.key.hasSuffix(":id") })?.value ?? ""
                sheets.append((sheet, id))
            } else if name == "workbookPr" || name.hasSuffix(":workbookPr") {
                date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
            }
        }
        return (sheets, date1904)
    }

    /// A `.rels` part: relationship id → target path, resolved against `base` (`xl/`).
    static func relationships(_ data: Data, part: String, base: String) throws(WorkbookError) -> [String: String] {
        var targets: [String: String] = [:]
        try XMLEvents.parse(data, part: part) { event throws(WorkbookError) in
            guard case .start(let name, let attributes) = event, name == "Relationship" || name.hasSuffix(":Relationship"),
                  let id = attributes["Id"], let target = attributes["Target"] else { return }
            targets[id] = resolve(target, base: base)
        }
        return targets
    }

    /// `worksheets/sheet1.xml` against `xl/` → `xl/worksheets/sheet1.xml`; `/xl/…` is from the root.
    static func resolve(_ target: String, base: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(piece) }
        }
        return parts.joined(separator: "/")
    }

    /// `xl/sharedStrings.xml`: each `<si>`'s text — plain or in rich-text runs — without phonetic
    /// guides (`<rPh>`, the furigana of a CJK cell), in order.
    static func sharedStrings(_ data: Data, limit: Int) throws(WorkbookError) -> [String] {
        var strings: [String] = []
        var current = ""
        var inText = false, phonetic = 0
        try XMLEvents.parse(data, part: "xl/sharedStrings.xml") { event throws(WorkbookError) in
            switch event {
            case .start(let name, _):
                switch local(name) {
                case "si": current = ""
                case "t": inText = true
                case "rPh": phonetic += 1
                default: break
                }
            case .text(let text):
                if inText && phonetic == 0 {
                    guard current.utf8.count + text.utf8.count <= limit * 4 else { throw .partTooLarge("xl/sharedStrings.xml", limit: limit) }
                    current += text
                }
            case .end(let name):
                switch local(name) {
                case "si": strings.append(current)
                case "t": inText = false
                case "rPh": phonetic -= 1
                default: break
                }
            }
        }
        return strings
    }

    /// An element's name without its namespace prefix (`x:c` → `c`).
    static func local(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }
}

import Foundation

/// What a cell's style (`s="3"`, an index into `xl/styles.xml`'s `cellXfs`) says about reading its
/// number: a date or time (shown as text, `2022-03-01`), a percentage (`0.95` shown as `95%`), or
/// a plain number.
struct CellStyles {
    enum Kind: Equatable {
        case plain, date, percent
    }

    /// The kind of each cell format, by index.
    var kinds: [Kind] = []

    subscript(index: Int?) -> Kind {
        guard let index, index >= 0, index < kinds.count else { return .plain }
        return kinds[index]
    }

    /// Excel's built-in formats: 9 and 10 are percentages; 14–22 and 45–47 dates and times.
    static func builtIn(_ id: Int) -> Kind {
        switch id {
        case 9, 10: .percent
        case 14...22, 27...36, 45...47, 50...58: .date
        default: .plain
        }
    }

    /// The kind of a custom format code: `0.00%` is a percentage; `yyyy/m/d`, `h:mm` are dates —
    /// letters inside quotes, brackets (`[Red]`, `[$-804]`) or after `\` do not count.
    static func custom(_ code: String) -> Kind {
        var quoted = false, bracket = false, escaped = false
        var kind = Kind.plain
        for c in code {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            case "%" where !quoted && !bracket: kind = .percent
            case _ where "yYdDmMhHsS".contains(c) && !quoted && !bracket:
                if kind == .plain { kind = .date }
            case ";" where !quoted && !bracket:
                return kind  // the first section (positive numbers) decides
            default: break
            }
        }
        return kind
    }

    /// Reads `xl/styles.xml`.
    init(_ data: Data) throws(WorkbookError) {
        var custom: [Int: Kind] = [:]
        var formats: [Int] = []
        var inCellFormats = false
        try XMLEvents.parse(data, part: "xl/styles.xml") { event throws(WorkbookError) in
            switch event {
            case .start(let name, let attributes):
                switch PackageParts.local(name) {
                case "numFmt":
                    if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                        custom[id] = CellStyles.custom(code)
                    }
                case "cellXfs": inCellFormats = true
                case "xf" where inCellFormats: formats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
                default: break
                }
            case .end(let name):
                if PackageParts.local(name) == "cellXfs" { inCellFormats = false }
            case .text: break
            }
        }
        kinds = formats.map { custom[$0] ?? CellStyles.builtIn($0) }
    }

    init() {}
}

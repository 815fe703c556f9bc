import SuanCore

/// Horizontal bar charts for the terminal (Unicode blocks, or `#` when the terminal is not UTF-8)
/// and as SVG for slides. Labels are aligned by display width; each bar ends with its value.
struct BarChart {
    struct Bar {
        var label: String
        var value: Value
        var magnitude: ExactDecimal
    }

    let format: ValueFormatter
    /// Columns the longest bar takes.
    static let width = 40

    /// The bars a value stands for: a year's structure, a record of figures, a list of records or values.
    func bars(_ items: [(label: String, value: Value)]) throws(Diagnostic) -> [Bar] {
        if items.count > 1, items.allSatisfy({ if case .record(let r) = $0.value { r.kind?.isYear == true } else { false } }) {
            // A comparison: each line, one bar per year or scenario.
            var out: [Bar] = []
            for line in ["基本支出", "项目支出", "总支出", "收支差额"] {
                for (label, value) in items {
                    if case .record(let r) = value, let v = r[line] { out.append(contentsOf: bar("\(line) · \(label)", v)) }
                }
            }
            return out
        }
        var out: [Bar] = []
        for (label, value) in items {
            switch value {
            case .record(let r) where r.kind?.isYear == true:
                for line in ["基本支出", "人员经费", "公用经费", "项目支出"] { if let v = r[line] { out += bar(line, v) } }
                for p in Year.projects(r) { out += bar("  " + (p["名称"]?.plainText ?? ""), p["预算"] ?? .unknown) }
            case .record(let r):
                for (k, v) in r.entries { out += bar(k, v) }
            case .list(let list):
                for (i, item) in list.enumerated() {
                    if case .record(let r) = item {
                        let name = r.entries.first { if case .string = $0.1 { true } else { false } }?.1.plainText ?? "\(i + 1)"
                        if let figure = r.entries.first(where: { $0.1.decimal != nil })?.1 { out += bar(name, figure) }
                    } else {
                        out += bar("\(label)[\(i)]", item)
                    }
                }
            default:
                out += bar(label, value)
            }
        }
        return out
    }

    func bar(_ label: String, _ value: Value) -> [Bar] {
        guard let d = value.decimal else { return [Bar(label: label, value: .unknown, magnitude: .zero)] }
        return [Bar(label: label, value: value, magnitude: d.magnitude)]
    }

    /// The bar for `fraction` of the full width, in eighths of a cell.
    static func blocks(_ fraction: ExactDecimal, unicode: Bool) -> String {
        let eighths = (try? fraction.multiplied(by: ExactDecimal(width * 8)).rounded(toScale: 0, mode: .halfAwayFromZero)) ?? .zero
        let n = Int(eighths.coefficient)
        if !unicode { return String(repeating: "#", count: (n + 4) / 8) }
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: n / 8) + partial[n % 8]
    }

    func text(_ bars: [Bar], unicode: Bool) -> String {
        let largest = bars.map(\.magnitude).max() ?? .zero
        let labelWidth = bars.map { DisplayWidth.of($0.label) }.max() ?? 0
        return bars.map { b in
            let fraction = largest.isZero ? .zero : ((try? b.magnitude.divided(by: largest)) ?? .zero)
            let drawn = BarChart.blocks(fraction, unicode: unicode)
            let sign = (b.value.decimal?.isNegative ?? false) ? "-" : ""
            return DisplayWidth.pad(b.label, to: labelWidth) + (unicode ? " │" : " |") + sign + drawn + " " + format.text(b.value)
        }.joined(separator: "\n")
    }

    func svg(_ bars: [Bar]) -> String {
        let largest = bars.map(\.magnitude).max() ?? .zero
        let rowHeight = 28, labelWidth = 16 * (bars.map { DisplayWidth.of($0.label) }.max() ?? 4) / 2 + 16, barWidth = 480
        let height = rowHeight * bars.count + 20
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 160)\" height=\"\(height)\" font-family=\"sans-serif\" font-size=\"14\">\n"
        for (i, b) in bars.enumerated() {
            let y = 10 + i * rowHeight
            let fraction = largest.isZero ? .zero : ((try? b.magnitude.divided(by: largest)) ?? .zero)
            let w = Int(((try? fraction.multiplied(by: ExactDecimal(barWidth)).rounded(toScale: 0, mode: .halfAwayFromZero)) ?? .zero).coefficient)
            out += "  <text x=\"\(labelWidth - 8)\" y=\"\(y + 18)\" text-anchor=\"end\">\(BarChart.escaped(b.label))</text>\n"
            out += "  <rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(w)\" height=\"\(rowHeight - 8)\" fill=\"#3b6ea5\"/>\n"
            out += "  <text x=\"\(labelWidth + w + 6)\" y=\"\(y + 18)\">\(BarChart.escaped(format.text(b.value)))</text>\n"
        }
        return out + "</svg>\n"
    }

    static func escaped(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}

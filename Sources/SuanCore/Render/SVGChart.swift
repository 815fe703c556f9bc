/// Draws a chart as SVG a trainer can project: a title, a legend, one colour per series (year or
/// scenario), labels indented by level (projects under 项目支出), bars from an axis — negative values
/// to its left — and each bar's value at its end.
public struct SVGChart: Sendable {
    public var format: ValueFormatter

    public init(format: ValueFormatter = ValueFormatter()) { self.format = format }

    /// Colours that stay apart on a projector and in grey print.
    static let palette = ["#3b6ea5", "#e07b39", "#4f9d69", "#b5485d", "#7a5ea8", "#8c7a3e"]

    func pixels(_ x: ExactDecimal, of total: ExactDecimal, width: Int) -> Int {
        guard !total.isZero, let f = try? x.divided(by: total).multiplied(by: ExactDecimal(width)) else { return 0 }
        return Int(f.rounded(toScale: 0, mode: .halfAwayFromZero).coefficient)
    }

    public func render(_ chart: Document.Chart) -> String {
        let series = max(1, chart.series.count)
        let barHeight = 18, gap = 10
        let rowHeight = barHeight * series + gap
        let labelWidth = 16 + 8 * (chart.categories.map { DisplayWidth.of($0.label) + 2 * $0.level }.max() ?? 4)
        let plot = 520
        let values = chart.categories.flatMap(\.values).map { $0.decimal ?? .zero }
        let largest = values.filter { !$0.isNegative }.max() ?? .zero
        let deepest = values.filter(\.isNegative).map(\.magnitude).max() ?? .zero
        let total = (try? largest.adding(deepest)) ?? largest
        let axis = labelWidth + pixels(deepest, of: total, width: plot)
        let top = chart.title == nil ? 10 : 40
        let legendHeight = series > 1 ? 30 : 0
        let height = top + rowHeight * chart.categories.count + legendHeight + 10
        let width = labelWidth + plot + 170
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"suan-chart\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"'Noto Sans CJK SC', sans-serif\" font-size=\"14\">\n"
        if let title = chart.title {
            out += "  <text x=\"\(width / 2)\" y=\"26\" text-anchor=\"middle\" font-size=\"18\" font-weight=\"bold\">\(HTMLRenderer.escaped(title))</text>\n"
        }
        for (r, category) in chart.categories.enumerated() {
            let y0 = top + r * rowHeight
            let indent = 16 * category.level
            out += "  <text x=\"\(labelWidth - 8)\" y=\"\(y0 + (barHeight * series) / 2 + 5)\" text-anchor=\"end\"\(indent > 0 ? " font-size=\"13\"" : "")>\(HTMLRenderer.escaped(category.label))</text>\n"
            for (s, value) in category.values.enumerated() {
                let y = y0 + s * barHeight
                let colour = SVGChart.palette[s % SVGChart.palette.count]
                guard let d = value.decimal else {
                    out += "  <text x=\"\(axis + 6)\" y=\"\(y + 14)\" fill=\"#777\">—</text>\n"
                    continue
                }
                let w = pixels(d.magnitude, of: total, width: plot)
                let x = d.isNegative ? axis - w : axis
                out += "  <rect x=\"\(x)\" y=\"\(y + 2)\" width=\"\(max(w, 1))\" height=\"\(barHeight - 4)\" fill=\"\(colour)\"><title>\(HTMLRenderer.escaped((chart.series.count > s ? chart.series[s] + " " : "") + format.text(value)))</title></rect>\n"
                // A negative bar's value sits right of the axis, clear of the category labels.
                let textX = d.isNegative ? axis + 6 : x + w + 6
                out += "  <text x=\"\(textX)\" y=\"\(y + 14)\" font-size=\"12\">\(HTMLRenderer.escaped(format.text(value)))</text>\n"
            }
        }
        out += "  <line x1=\"\(axis)\" y1=\"\(top - 4)\" x2=\"\(axis)\" y2=\"\(top + rowHeight * chart.categories.count)\" stroke=\"#333\"/>\n"
        if series > 1 {
            let y = top + rowHeight * chart.categories.count + 12
            var x = labelWidth
            for (s, name) in chart.series.enumerated() {
                out += "  <rect x=\"\(x)\" y=\"\(y)\" width=\"12\" height=\"12\" fill=\"\(SVGChart.palette[s % SVGChart.palette.count])\"/>\n"
                out += "  <text x=\"\(x + 18)\" y=\"\(y + 11)\" font-size=\"13\">\(HTMLRenderer.escaped(name))</text>\n"
                x += 36 + 8 * DisplayWidth.of(name)
            }
        }
        return out + "</svg>\n"
    }
}

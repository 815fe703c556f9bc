import SuanCore

extension Comparison {
    /// `export compare A, B [only …]`: every line of the comparison (unchanged project lines too),
    /// with a 单位 column and plain numbers: amounts in 万元, shares in %, counts in their word.
    /// Δ is in the line's unit (percentage points for % lines); Δ% is the relative change.
    func exportTable(_ items: [(label: String, value: Value)], extra: [[Record]], only: [String], span: SourceSpan) throws(Diagnostic) -> ExportTable {
        var years: [Record] = []
        for item in items {
            guard case .record(let r) = item.value, r.kind?.isYear == true else {
                throw Diagnostic(id: .typeMismatch, "compare takes years and scenarios; \(item.label) is a \(item.value.type.name)", at: span)
            }
            years.append(r)
        }
        let all = try selected(lines(years) + extraLines(extra, labels: items.map(\.label)).lines, only: only, span: span)
        let labels = items.map(\.label)
        var headers = ["行", "单位"] + labels
        headers += items.count == 2 ? ["Δ", "Δ（%）"] : labels.dropFirst().flatMap { ["Δ \($0)", "Δ% \($0)"] }
        var table = ExportTable(headers: headers)
        for line in all {
            let unit = line.values.lazy.compactMap { ExportNumber.shown($0, format: format) }.first?.unit ?? ""
            func cell(_ v: Value?) -> ExportTable.Cell {
                guard let v else { return .empty }
                if let (cell, own) = ExportNumber.shown(v, format: format), own == unit { return cell }
                if case .unknown = v { return .empty }
                return .text(format.text(v))
            }
            var row: [ExportTable.Cell] = [.text(line.label.trimmed), unit.isEmpty ? .empty : .text(unit)]
            row += line.values.map(cell)
            for (_, _, change, relative) in changes(line) {
                // The same change as on screen; a ratio's change (个百分点) is written as a number of %.
                var change = change
                if case .ratio(let d, .points)? = change { change = .ratio(d, .percent) }
                row += [cell(change), relative.map { ExportNumber.percent($0, format: format) } ?? .empty]
            }
            table.rows.append(row)
        }
        return table
    }
}

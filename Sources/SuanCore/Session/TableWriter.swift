/// Runs `table` statements (sensitivity tables) and shows lists of records as tables.
struct TableWriter {
    let interpreter: Interpreter
    let format: ValueFormatter

    /// Rows are laid out in batches of this many, so large tables stream instead of piling up.
    static let batch = 256
    /// `show` aligns this many rows as one table, then streams the rest with their widths.
    static let showBatch = 100_000

    /// Columns a two-variable table may have: each row is one line, and a line of ten million cells
    /// is no table (rows are streamed; columns are held).
    static let maximumColumns = 1_000

    /// The values of one axis: low, low + step, … up to high, made as they are used.
    func axisValues(_ axis: TablePlan.Axis, _ frame: inout Interpreter.Frame) throws(Diagnostic) -> AxisSteps {
        let low = try interpreter.eval(axis.low, &frame)
        let high = try interpreter.eval(axis.high, &frame)
        let step = try interpreter.eval(axis.step, &frame)
        guard let a = low.decimal, let b = high.decimal, let s = step.decimal else {
            throw Arithmetic.fail("a table range needs numbers, money, ratios or counts", axis.span, id: .typeMismatch)
        }
        guard s > .zero else { throw Arithmetic.fail("the step must be greater than zero", axis.span, id: .invalidStep) }
        let count: ExactDecimal
        do { count = try b.subtracting(a).divided(by: s).rounded(toScale: 0, mode: .towardZero) } catch { throw Arithmetic.wrap(error, axis.span) }
        guard count >= .zero else { throw Arithmetic.fail("the range ends below its start", axis.span, id: .invalidRange) }
        guard count < ExactDecimal(interpreter.settings.maximumTableRows) else {
            throw Arithmetic.fail("this range has more than \(interpreter.settings.maximumTableRows) steps", axis.span, id: .limit)
        }
        let steps = Int(count.coefficient / ExactDecimal.power(Int(count.scale))) + 1
        // The last value must be representable: then every value before it is too.
        do { _ = try a.adding(s.multiplied(by: ExactDecimal(steps - 1))) } catch { throw Arithmetic.wrap(error, axis.span) }
        return AxisSteps(template: low, start: a, step: s, count: steps)
    }

    func run(_ plan: TablePlan, _ frame: inout Interpreter.Frame, emit: (String) -> Void) throws(Diagnostic) {
        let first = plan.axes[0]
        let rowsValues = try axisValues(first, &frame)
        if plan.axes.count == 2 {
            let second = plan.axes[1]
            let columnSteps = try axisValues(second, &frame)
            guard columnSteps.count <= TableWriter.maximumColumns else {
                throw Arithmetic.fail("a table has at most \(TableWriter.maximumColumns) columns; this range has \(columnSteps.count) steps",
                                      second.span, id: .limit, notes: ["help: use a larger step, or swap the two ranges (rows are not limited)"])
            }
            let columnValues = columnSteps.values
            let corner = "\(first.name) \\ \(second.name)"
            var table = TextTable(headers: [corner] + columnValues.map { format.text($0) })
            try stream(rowsValues, &table, &frame, emit: emit) { (x, frame) throws(Diagnostic) -> [String] in
                frame[first.slot] = x
                var cells = [format.text(x)]
                for y in columnValues {
                    frame[second.slot] = y
                    cells.append(format.text(try interpreter.eval(plan.columns[0].code, &frame)))
                }
                return cells
            }
            return
        }
        var table = TextTable(headers: [first.name] + plan.columns.map(\.title))
        try stream(rowsValues, &table, &frame, emit: emit) { (x, frame) throws(Diagnostic) -> [String] in
            frame[first.slot] = x
            var cells = [format.text(x)]
            for column in plan.columns { cells.append(format.text(try interpreter.eval(column.code, &frame))) }
            return cells
        }
    }

    /// The table's rows as records, for `export table …`: one field per column, named by its header.
    func records(_ plan: TablePlan, _ frame: inout Interpreter.Frame) throws(Diagnostic) -> Value {
        let first = plan.axes[0]
        let xs = try axisValues(first, &frame)
        var rows: [Value] = []
        rows.reserveCapacity(xs.count)
        if plan.axes.count == 2 {
            let second = plan.axes[1]
            let ys = try axisValues(second, &frame)
            let keys = ["\(first.name) \\ \(second.name)"] + ys.map { format.text($0) }
            for x in xs {
                try interpreter.tick(.none)
                frame[first.slot] = x
                var values = [x]
                for y in ys {
                    frame[second.slot] = y
                    values.append(try interpreter.eval(plan.columns[0].code, &frame))
                }
                rows.append(.record(Record(keys: keys, values: values)))
            }
            return .list(rows)
        }
        let keys = [first.name] + plan.columns.map(\.title)
        for x in xs {
            try interpreter.tick(.none)
            frame[first.slot] = x
            var values = [x]
            for column in plan.columns { values.append(try interpreter.eval(column.code, &frame)) }
            rows.append(.record(Record(keys: keys, values: values)))
        }
        return .list(rows)
    }

    /// Lays out the first batch to fix column widths, then streams the rest with those widths.
    func stream(_ xs: AxisSteps, _ table: inout TextTable, _ frame: inout Interpreter.Frame, emit: (String) -> Void,
                row: (Value, inout Interpreter.Frame) throws(Diagnostic) -> [String]) throws(Diagnostic) {
        var widths: [Int] = []
        for (i, x) in xs.enumerated() {
            try interpreter.tick(.none)
            table.add(try row(x, &frame))
            if i + 1 == TableWriter.batch || i + 1 == xs.count && widths.isEmpty {
                widths = table.widths
                emit(table.line(table.headers, widths: widths) + "\n" + table.rule(widths: widths))
                emit(table.rows.map { table.line($0, widths: widths) }.joined(separator: "\n"))
                table.rows.removeAll(keepingCapacity: true)
            } else if !widths.isEmpty && (table.rows.count == TableWriter.batch || i + 1 == xs.count) {
                emit(table.rows.map { table.line($0, widths: widths) }.joined(separator: "\n"))
                table.rows.removeAll(keepingCapacity: true)
            }
        }
    }

    /// `show` of a value the domain does not render: lists of records as tables, others plainly.
    /// Long tables are emitted in batches, and Ctrl-C or `--timeout` stops them between rows.
    static func show(_ value: Value, format: ValueFormatter, span: SourceSpan, emit: (String) -> Void) throws(Diagnostic) {
        // A plain record of tables (explain's output): each part under its name.
        if case .record(let r) = value, r.kind == nil, r.values.contains(where: { if case .list = $0 { true } else { false } }) {
            // Each part under its name, as one text (explain's parts are small).
            var lines: [String] = []
            for (i, (key, part)) in r.entries.enumerated() {
                lines.append((i > 0 ? "\n" : "") + key)
                try show(part, format: format, span: span, emit: { lines.append($0) })
            }
            emit(lines.joined(separator: "\n"))
            return
        }
        guard case .list(let items) = value, !items.isEmpty,
              items.allSatisfy({ if case .record = $0 { true } else { false } }) else {
            emit(format.text(value))
            return
        }
        func poll(_ i: Int) throws(Diagnostic) {
            if i & 4095 == 0, Interruption.pending { throw Interpreter.interrupted(span) }
        }
        var keys: [String] = []
        for (i, item) in items.enumerated() {
            try poll(i)
            guard case .record(let r) = item else { continue }
            for k in r.keys where !keys.contains(k) { keys.append(k) }
        }
        // A column of notes that are all empty (说明 when every project could be scored) is left out.
        keys.removeAll { k in
            items.allSatisfy { item in
                guard case .record(let r) = item, let v = r[k] else { return true }
                if case .string(let s) = v { return s.isEmpty }
                return false
            }
        }
        // Text columns read left to right; figures align right.
        var textual = [Bool](repeating: true, count: keys.count)
        for (i, item) in items.enumerated() {
            try poll(i)
            guard case .record(let r) = item else { continue }
            for (c, k) in keys.enumerated() where textual[c] {
                guard let v = r[k] else { continue }
                if case .string = v { continue }
                if case .unknown = v { continue }
                textual[c] = false
            }
        }
        var table = TextTable(headers: keys, alignments: textual.map { $0 ? .left : .right })
        var widths: [Int] = []
        for (i, item) in items.enumerated() {
            try poll(i)
            guard case .record(let r) = item else { continue }
            table.add(keys.map { k in
                guard let v = r[k] else { return "" }
                if case .list(let l) = v { return "\(l.count) 项" }
                return format.text(v)
            })
            // As `table` does: the first batch fixes the widths, the rest streams with them.
            if i + 1 == showBatch || i + 1 == items.count && widths.isEmpty {
                widths = table.widths
                emit(([table.line(table.headers, widths: widths), table.rule(widths: widths)] + table.rows.map { table.line($0, widths: widths) })
                    .joined(separator: "\n"))
                table.rows.removeAll(keepingCapacity: true)
            } else if !widths.isEmpty && (table.rows.count == showBatch || i + 1 == items.count) {
                emit(table.rows.map { table.line($0, widths: widths) }.joined(separator: "\n"))
                table.rows.removeAll(keepingCapacity: true)
            }
        }
    }
}

/// Runs `table` statements (sensitivity tables) and shows lists of records as tables.
struct TableWriter {
    let interpreter: Interpreter
    let format: ValueFormatter
    /// Where the rows of a long table report progress; the rows themselves report none.
    let progress: (@Sendable (ProgressReport) -> Void)?

    init(interpreter: Interpreter, format: ValueFormatter) {
        self.interpreter = interpreter.withoutProgress
        self.format = format
        self.progress = interpreter.progress
    }

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

    func run(_ plan: TablePlan, _ frame: inout Interpreter.Frame, emit: (Document) -> Void) throws(Diagnostic) {
        let first = plan.axes[0]
        let columns = plan.columns.map { Interpreter.compile($0.code) }
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
            var header = Document.Table(headers: [corner] + columnValues.map { format.text($0, decimals: columnSteps.labelDecimals) })
            header.columns[0].kind = Document.Column.Kind(of: rowsValues.template) ?? .inferred
            try stream(rowsValues, header, &frame, emit: emit) { [format] (interpreter, x, frame) throws(Diagnostic) -> [Document.Cell] in
                frame[first.slot] = x
                var cells: [Document.Cell] = [rowsValues.label(x, format: format)]
                for y in columnValues {
                    frame[second.slot] = y
                    cells.append(.value(try TableWriter.cell(columns[0], interpreter, &frame, plan.axes)))
                }
                return cells
            }
            return
        }
        var header = Document.Table(headers: [first.name] + plan.columns.map(\.title))
        header.columns[0].kind = Document.Column.Kind(of: rowsValues.template) ?? .inferred
        try stream(rowsValues, header, &frame, emit: emit) { [format] (interpreter, x, frame) throws(Diagnostic) -> [Document.Cell] in
            frame[first.slot] = x
            var cells: [Document.Cell] = [rowsValues.label(x, format: format)]
            for column in columns { cells.append(.value(try TableWriter.cell(column, interpreter, &frame, plan.axes))) }
            return cells
        }
    }

    /// A cell's value; an error in it says which row (and column) it is.
    static func cell(_ column: Interpreter.Compiled, _ interpreter: Interpreter, _ frame: inout Interpreter.Frame,
                     _ axes: [TablePlan.Axis]) throws(Diagnostic) -> Value {
        do {
            return try column(interpreter, &frame, 0)
        } catch {
            throw Interpreter.noting(error, "note: at the cell \(Interpreter.cell(axes, frame)) of the table")
        }
    }

    /// The table's rows as records, for `export table …`: one field per column, named by its header.
    func records(_ plan: TablePlan, _ frame: inout Interpreter.Frame) throws(Diagnostic) -> Value {
        let first = plan.axes[0]
        let columns = plan.columns.map { Interpreter.compile($0.code) }
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
                    values.append(try TableWriter.cell(columns[0], interpreter, &frame, plan.axes))
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
            for column in columns { values.append(try TableWriter.cell(column, interpreter, &frame, plan.axes)) }
            rows.append(.record(Record(keys: keys, values: values)))
        }
        return .list(rows)
    }

    /// One row's cells, worked out by the interpreter given (a part's own, when a batch is split).
    typealias Row = @Sendable (Interpreter, Value, inout Interpreter.Frame) throws(Diagnostic) -> [Document.Cell]

    /// Emits the rows in batches: the first with the header, the rest as continuations, so that a
    /// long table streams instead of piling up. The rows of a batch are split across `--jobs`
    /// threads (``Interpreter/split``) and emitted in order, as a serial run emits them.
    func stream(_ xs: AxisSteps, _ header: Document.Table, _ frame: inout Interpreter.Frame, emit: (Document) -> Void,
                row: @escaping Row) throws(Diagnostic) {
        var part = header
        let meter = ProgressMeter(.table, total: xs.count, report: progress)
        defer { meter?.clear() }
        var start = 0
        while start < xs.count {
            let batch = xs.part(start..<Swift.min(start + TableWriter.batch, xs.count))
            start += batch.count
            let parts = interpreter.parts(for: batch.count, cells: batch.count)
            if parts > 1 {
                let caller = frame
                let rows = try interpreter.split(batch.count, into: parts) { (worker, range) throws(Diagnostic) in
                    let copy = Interpreter.Frame.Storage(copying: caller)
                    defer { withExtendedLifetime(copy) {} }
                    var frame = copy.frame
                    return try TableWriter.rows(batch.part(range), worker, &frame, meter: meter, row: row)
                }
                for cells in rows.joined() { part.add(cells) }
            } else {
                for cells in try TableWriter.rows(batch, interpreter, &frame, meter: meter, row: row) { part.add(cells) }
            }
            meter?.clear()
            emit(Document([.table(part)]))
            part.rows.removeAll(keepingCapacity: true)
            part.isContinuation = true
        }
    }

    /// The cells of the rows at `xs`, in order; Ctrl-C and `--timeout` stop between rows.
    static func rows(_ xs: AxisSteps, _ interpreter: Interpreter, _ frame: inout Interpreter.Frame, meter: ProgressMeter?,
                     row: Row) throws(Diagnostic) -> [[Document.Cell]] {
        var rows: [[Document.Cell]] = []
        rows.reserveCapacity(xs.count)
        for x in xs {
            try interpreter.tick(.none)
            meter?.advance()
            rows.append(try row(interpreter, x, &frame))
        }
        return rows
    }

    /// `show` of a value the domain does not render: lists of records as tables, others plainly.
    /// Long tables are emitted in batches, and Ctrl-C or `--timeout` stops them between rows.
    static func show(_ value: Value, format: ValueFormatter, span: SourceSpan, emit: (Document) -> Void) throws(Diagnostic) {
        // What `group` made: the items under their keys, with subtotals and a total.
        if let (rows, roles) = GroupedTable.rows(of: value, language: format.language) {
            try show(rows: rows, roles: roles, format: format, span: span, emit: emit)
            return
        }
        // A plain record of tables (explain's output): each part under its name, after the title
        // its 标题 field gives (what was estimated or explained).
        if case .record(let r) = value, r.kind == nil, r.values.contains(where: { if case .list = $0 { true } else { false } }) {
            // Explanations are small: their parts go out as one document.
            var whole = Document()
            for (key, part) in r.entries {
                if key == Document.titleField, case .string(let title) = part {
                    whole.append(.heading(title, level: 1))
                    continue
                }
                whole.append(.heading(key, level: 2))
                try show(part, format: format, span: span, emit: { whole.blocks += $0.blocks })
            }
            emit(whole)
            return
        }
        guard case .list(let items) = value, !items.isEmpty,
              items.allSatisfy({ if case .record = $0 { true } else { false } }) else {
            emit(Document([.paragraph(format.markup(value))]))
            return
        }
        try show(rows: items, roles: [], format: format, span: span, emit: emit)
    }

    /// Records as the rows of one table, one column per field; `roles` marks sums (a grouped
    /// list's subtotals and total), and rows past its end are items.
    static func show(rows items: [Value], roles: [Document.Row.Role], format: ValueFormatter, span: SourceSpan,
                     emit: (Document) -> Void) throws(Diagnostic) {
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
        var part = Document.Table(headers: keys)
        for (i, item) in items.enumerated() {
            try poll(i)
            guard case .record(let r) = item else { continue }
            part.add(keys.map { k -> Document.Cell in
                guard let v = r[k] else { return .empty }
                switch v {
                case .list(let l): return .text("\(l.count) 项")
                case .string(let s): return .text(s)
                default: return .value(v)
                }
            }, role: i < roles.count ? roles[i] : .item)
            if part.rows.count == showBatch || i + 1 == items.count {
                emit(Document([.table(part)]))
                part.rows.removeAll(keepingCapacity: true)
                part.isContinuation = true
            }
        }
    }
}

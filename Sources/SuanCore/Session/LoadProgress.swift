/// How far reading a data file has got, for the progress line (``Settings/progress``): a reader of
/// the budget domain (a CSV table) counts the bytes it has read, as the year file reader does, and
/// a load that takes more than a second shows `suan: loading 40%` on a terminal.
public struct LoadProgress {
    let meter: ProgressMeter?
    /// The byte last reported.
    var reported = 0

    /// Bytes between reports: the meter reads the clock on each, and a row is far shorter.
    static let step = 1 << 16

    /// Counts the bytes up to `byte` as read.
    public mutating func advance(to byte: Int) {
        guard let meter, byte - reported >= Self.step else { return }
        meter.advance(byte - reported)
        reported = byte
    }

    /// The progress of a second reader that starts at `byte` of the same file, while the first
    /// counts the bytes before it.
    public func starting(at byte: Int) -> LoadProgress {
        var second = self
        second.reported = byte
        return second
    }

    /// Clears a shown line, when the reading ends or fails.
    public func clear() {
        meter?.clear()
    }
}

import Foundation
import ZIPFoundation

/// The zip package of an .xlsx file, read from memory, its parts inflated with a bound: a part that
/// declares or inflates to more than ``maximumPartSize`` stops the read (a zip bomb costs at most
/// that much memory, and is reported with the part's name).
struct XLSXArchive {
    let archive: Archive
    /// The most bytes one part may inflate to (256 MiB: about a million cells of a sheet).
    static let maximumPartSize = 256 * 1024 * 1024
    /// The most bytes all parts together may inflate to.
    static let maximumTotalSize = 512 * 1024 * 1024

    /// The package of `bytes`; ``WorkbookError/notZip`` when it is not a zip archive.
    init(_ bytes: [UInt8]) throws(WorkbookError) {
        // Every zip starts with a local file header (PK\3\4); an .xls (OLE) or a CSV does not.
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw .compoundFile }
        guard bytes.count >= 22, bytes[0] == 0x50, bytes[1] == 0x4B, bytes[2] == 3, bytes[3] == 4 else { throw .notZip }
        do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch { throw .notZip }
    }

    /// Signals from the consumer that a part grew past the limit.
    private struct Overflow: Error {}

    /// The inflated bytes of the part at `path` (`xl/workbook.xml`), or nil when there is none.
    func part(_ path: String, limit: Int = XLSXArchive.maximumPartSize) throws(WorkbookError) -> Data? {
        guard let entry = archive[path] ?? archive.first(where: { $0.path.lowercased() == path.lowercased() }) else { return nil }
        guard entry.type == .file else { return nil }
        guard entry.uncompressedSize <= UInt64(limit) else { throw .partTooLarge(path, limit: limit) }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= limit else { throw Overflow() }
                data.append(chunk)
            }
        } catch is Overflow {
            throw .partTooLarge(path, limit: limit)
        } catch {
            throw .damagedPart(path)
        }
        return data
    }
}

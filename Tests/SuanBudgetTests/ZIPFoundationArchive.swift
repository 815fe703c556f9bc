import Foundation
import ZIPFoundation

/// Hostile archives for the reader's limits.
enum ZIPFoundationArchive {
    /// A workbook whose only sheet is `megabytes` MiB of spaces, deflated to a few hundred KiB.
    static func bomb(megabytes: Int) throws -> [UInt8] {
        var parts = XLSXFixture(sheets: [XLSXFixture.sheet("S", "")]).parts.filter { !$0.0.hasPrefix("xl/worksheets/") }
        parts.removeAll { $0.0 == "xl/styles.xml" }
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let chunk = Data(repeating: 0x20, count: 1 << 20)
        try archive.addEntry(with: "xl/worksheets/s1.xml", type: .file, uncompressedSize: Int64(megabytes) << 20,
                             compressionMethod: .deflate) { position, size in
            chunk.prefix(size)
        }
        return [UInt8](archive.data ?? Data())
    }
}

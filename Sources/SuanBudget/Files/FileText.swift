import SuanCore
@preconcurrency import Glibc

/// Reading and writing whole files without Foundation.
public enum FileText {
    /// Why a file could not be read: the system's message.
    public struct ReadError: Error, Sendable {
        public var message: String
    }

    /// A whole file's bytes, read-only.
    public static func readBytes(_ path: String) -> Result<[UInt8], ReadError> {
        guard let handle = fopen(path, "rb") else { return .failure(ReadError(message: String(cString: strerror(errno)))) }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, handle)
            if n > 0 { bytes.append(contentsOf: buffer[0..<n]) }
            if n < buffer.count { break }
        }
        if ferror(handle) != 0 { return .failure(ReadError(message: "read error")) }
        return .success(bytes)
    }

    /// The folder a file is in (`Scripts` for `Scripts/a.suan`), or nil for a bare file name.
    public static func directory(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    public static func read(_ path: String, span: SourceSpan) throws(Diagnostic) -> String {
        let bytes: [UInt8]
        switch readBytes(path) {
        case .success(let b): bytes = b
        case .failure(let e): throw Diagnostic(id: .loadIo, "cannot open \"\(path)\": \(e.message)", at: span)
        }
        switch SourceDecoding.decode(bytes) {
        case .success(let text): return text
        case .failure(let bad):
            throw Diagnostic(id: .loadEncoding, "\"\(path)\" is not UTF-8 text: byte 0x\(String(bad.byte, radix: 16, uppercase: true)) at line \(bad.line), column \(bad.column)",
                             at: span, notes: ["help: save the file as UTF-8"])
        }
    }

    /// Writes through a temporary file and a rename, so a failure never leaves a half-written file;
    /// refuses to replace an existing file unless `force`.
    public static func write(_ text: String, to path: String, force: Bool, span: SourceSpan) throws(Diagnostic) {
        if !force && exists(path) {
            throw Diagnostic(id: .exportExists, "\"\(path)\" already exists", at: span,
                             notes: ["help: add 'force' to replace it: export … to \"\(path)\" force"])
        }
        let temporary = path + ".suan-tmp-\(getpid())"
        guard let handle = fopen(temporary, "wbx") else {
            throw Diagnostic(id: .exportIo, "cannot write \"\(path)\": \(String(cString: strerror(errno)))", at: span)
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, handle) }
        let flushed = fflush(handle) == 0 && fsync(fileno(handle)) == 0
        fclose(handle)
        guard written == bytes.count, flushed, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Diagnostic(id: .exportIo, "cannot write \"\(path)\": \(reason)", at: span)
        }
    }
}

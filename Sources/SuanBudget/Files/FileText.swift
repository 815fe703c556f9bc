import SuanCore
@preconcurrency import Glibc

/// Reading and writing whole files without Foundation.
public enum FileText {
    /// Why a file could not be read: the system's message, or a limit.
    public struct ReadError: Error, Sendable {
        public var message: String
        /// Ctrl-C or `--timeout` stopped the read (of a stream).
        public var interrupted = false
    }

    /// The largest input read whole: scripts, year files, CSV, standard input (64 MiB).
    public static let maximumInputSize = 64 * 1024 * 1024

    /// A whole file's bytes, read-only, at most ``maximumInputSize``.
    ///
    /// Only regular files are read, unless `streams` (a script named on the command line, which
    /// may be `<(…)`): then pipes, sockets and character devices are read too, bounded in size and
    /// stopping at Ctrl-C or `--timeout`. The file is opened without blocking, so a FIFO with no
    /// writer is refused (or, as a stream, reads as empty) instead of waiting forever.
    public static func readBytes(_ path: String, streams: Bool = false) -> Result<[UInt8], ReadError> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(ReadError(message: String(cString: strerror(errno)))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(ReadError(message: String(cString: strerror(errno)))) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFREG {
            guard Int(info.st_size) <= maximumInputSize else { return .failure(tooLarge) }
            // Regular files never block; clearing O_NONBLOCK keeps reads plain.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            return readBounded(fd, expecting: Int(info.st_size))
        } else if !streams || kind == S_IFDIR || kind == S_IFBLK {
            return .failure(ReadError(message: "not a regular file (\(describe(kind)))"))
        }
        return readBounded(fd)
    }

    static let tooLarge = ReadError(message: "larger than \(maximumInputSize / (1024 * 1024)) MiB, the limit for one input")

    static func describe(_ kind: mode_t) -> String {
        switch kind {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a file"
        }
    }

    /// Everything `fd` gives until its end, at most ``maximumInputSize`` bytes. A descriptor that
    /// has nothing to read yet is polled, so Ctrl-C and `--timeout` (``Interruption``) stop the wait.
    /// `expecting` (a regular file's size) reserves the bytes at once instead of growing to them.
    public static func readBounded(_ fd: Int32, expecting: Int = 0) -> Result<[UInt8], ReadError> {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(expecting, maximumInputSize))
        var buffer = [UInt8](repeating: 0, count: 65536)
        // A blocking descriptor (standard input) is read only once poll says it will not block; a
        // non-blocking one is read at once (a FIFO without a writer then reads as its end).
        let blocking = fcntl(fd, F_GETFL) & O_NONBLOCK == 0
        func wait() -> Bool {
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            return poll(&ready, 1, 100) > 0
        }
        while true {
            if Interruption.pending { return .failure(ReadError(message: "interrupted", interrupted: true)) }
            if blocking && !wait() { continue }
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EAGAIN { _ = wait(); continue }
                if errno == EINTR { continue }
                return .failure(ReadError(message: String(cString: strerror(errno))))
            }
            guard bytes.count + n <= maximumInputSize else { return .failure(tooLarge) }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return .success(bytes)
    }

    /// The folder a file is in (`Scripts` for `Scripts/a.suan`), or nil for a bare file name: where
    /// its `load`s, `use`s and `export`s start. A script or module reached through a symlink starts
    /// from its target's folder (as Python and Node resolve a linked script's imports), so a script
    /// linked into another folder still finds the `lib/` beside it; loads and uses alike.
    public static func directory(of path: String) -> String? {
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, let target = realpath(path, nil) {
            defer { free(target) }
            return folder(of: String(cString: target))
        }
        return folder(of: path)
    }

    static func folder(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Whether `path` names a regular file (following symlinks): where `load` looks for years.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether any directory entry has this name: a file, a directory, a FIFO, a symlink (even a
    /// dangling one). Writing without `force` refuses all of them.
    public static func entryExists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
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

    /// Writes through a temporary file, so a failure never leaves a half-written file.
    ///
    /// Without `force`, any existing directory entry of that name (a file, a directory, a FIFO, a
    /// symlink, dangling or not) is refused, and the final name is created with `link(2)` (or
    /// `renameat2` with `RENAME_NOREPLACE`), which fail if the name appeared meanwhile: of two runs
    /// exporting to one new path at once, exactly one wins and the other reports that it exists.
    /// With `force`, `rename(2)` replaces what is there. Ctrl-C or `--timeout` before the final
    /// step leaves nothing behind.
    public static func write(_ text: String, to path: String, force: Bool, by command: Command, span: SourceSpan) throws(Diagnostic) {
        try write(bytes: Array(text.utf8), to: path, force: force, by: command, span: span)
    }

    /// Writes `bytes` (an .xlsx package) as ``write(_:to:force:by:span:)`` writes text.
    public static func write(bytes: [UInt8], to path: String, force: Bool, by command: Command, span: SourceSpan) throws(Diagnostic) {
        if !force && entryExists(path) { throw exists(path, command, span) }
        let temporary = path + ".suan-tmp-\(getpid())"
        guard let handle = fopen(temporary, "wbx") else {
            throw Diagnostic(id: .exportIo, "cannot write \"\(path)\": \(String(cString: strerror(errno)))", at: span)
        }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, handle) }
        let flushed = fflush(handle) == 0 && fsync(fileno(handle)) == 0
        fclose(handle)
        guard written == bytes.count, flushed else { throw failed(path, temporary, span) }
        if Interruption.pending {
            unlink(temporary)
            throw Diagnostic(id: .interrupted, "interrupted (已中断)", at: span)
        }
        if force {
            guard rename(temporary, path) == 0 else { throw failed(path, temporary, span) }
            return
        }
        if link(temporary, path) == 0 {
            unlink(temporary)
            return
        }
        // Filesystems without hard links: an atomic rename that refuses to replace.
        if errno != EEXIST && renameNoReplace(AT_FDCWD, temporary, AT_FDCWD, path, 1) == 0 { return }
        let code = errno
        unlink(temporary)
        if code == EEXIST { throw exists(path, command, span) }
        throw Diagnostic(id: .exportIo, "cannot write \"\(path)\": \(String(cString: strerror(code)))", at: span)
    }

    static func exists(_ path: String, _ command: Command, _ span: SourceSpan) -> Diagnostic {
        Diagnostic(id: .exportExists, "\"\(path)\" already exists", at: span,
                   notes: ["help: add 'force' to replace it: \(command.forced(path))"])
    }

    static func failed(_ path: String, _ temporary: String, _ span: SourceSpan) -> Diagnostic {
        let reason = String(cString: strerror(errno))
        unlink(temporary)
        return Diagnostic(id: .exportIo, "cannot write \"\(path)\": \(reason)", at: span)
    }
}

/// glibc's `renameat2` (flag 1 is `RENAME_NOREPLACE`), which `Glibc` does not export to Swift.
@_silgen_name("renameat2")
private func renameNoReplace(_ oldDirectory: Int32, _ old: UnsafePointer<CChar>, _ newDirectory: Int32, _ new: UnsafePointer<CChar>,
                             _ flags: UInt32) -> Int32

/// Decodes UTF-8 source bytes, or says where the first invalid byte is.
public enum SourceDecoding {
    public struct InvalidByte: Error, Sendable {
        public var line: Int
        public var column: Int
        public var byte: UInt8

        public func message(in name: String) -> String {
            "\(name):\(line):\(column): error: invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))); Suan reads UTF-8 text only"
        }
    }

    public static func decode(_ bytes: [UInt8]) -> Result<String, InvalidByte> {
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1, column = 1, offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1 && encoded.first == 0x0A { line += 1; column = 1 } else { column += 1 }
            case .error:
                return .failure(InvalidByte(line: line, column: column, byte: bytes[min(offset, bytes.count - 1)]))
            case .emptyInput:
                return .failure(InvalidByte(line: line, column: column, byte: 0))
            }
        }
    }
}

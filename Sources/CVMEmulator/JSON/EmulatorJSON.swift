import Foundation

/// A JSON value as the emulator reads request parameters and writes responses.
///
/// Objects keep their members in order, so responses list fields in the order of the API
/// reference; integers and floating-point numbers stay distinct, so a mistyped parameter
/// (`"Limit": "10"`, `"Limit": 1.5`) can be told apart from a good one.
public enum EmulatorJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([EmulatorJSON])
    case object([EmulatorJSON.Member])

    /// Parses a complete JSON document; `nil` when the bytes are not JSON.
    public static func parse(_ bytes: [UInt8]) -> EmulatorJSON? {
        try? JSONDecoder().decode(EmulatorJSON.self, from: Data(bytes))
    }

    /// The value of member `key` when this is an object.
    public subscript(key: String) -> EmulatorJSON? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    /// The string payload, if this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [EmulatorJSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The integer payload, if this is an integer.
    public var intValue: Int64? {
        if case .int(let i) = self { return i }
        return nil
    }
}

extension EmulatorJSON {
    /// One member of a JSON object.
    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: EmulatorJSON

        public init(_ key: String, _ value: EmulatorJSON) {
            self.key = key
            self.value = value
        }
    }
}

extension EmulatorJSON: Decodable {
    public init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [EmulatorJSON] = []
            while !array.isAtEnd {
                items.append(try array.decode(EmulatorJSON.self))
            }
            self = .array(items)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            // Decoding an object loses the member order; parameters are looked up by name.
            var members: [EmulatorJSON.Member] = []
            for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                members.append(EmulatorJSON.Member(key.stringValue, try object.decode(EmulatorJSON.self, forKey: key)))
            }
            self = .object(members)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let b = try? single.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? single.decode(Int64.self) {
            self = .int(i)
        } else if let d = try? single.decode(Double.self) {
            self = .double(d)
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

extension EmulatorJSON {
    /// Compact UTF-8 serialization (non-ASCII characters are written as UTF-8, not escaped).
    public var serialized: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// The serialization as bytes.
    public var bytes: [UInt8] { Array(serialized.utf8) }

    private func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isFinite {
                out += d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
            } else {
                out += "null"
            }
        case .string(let s): Self.writeString(s, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, member) in members.enumerated() {
                if i > 0 { out += "," }
                Self.writeString(member.key, to: &out)
                out += ":"
                member.value.write(to: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

extension EmulatorJSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

import TencentCloudCore

/// An action's request parameters, checked against the names and types the action accepts.
struct Parameters: Sendable {
    private let values: [String: JSONValue]

    /// Parses the body (empty means `{}`) and refuses members outside `allowed`
    /// (`UnknownParameter`) and bodies that are not a JSON object (`InvalidParameter`).
    init(body: [UInt8], allowed: Set<String>) throws(APIError) {
        let trimmed = body.drop(while: { $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 })
        guard !trimmed.isEmpty else {
            values = [:]
            return
        }
        guard case .object(let members)? = JSONValue.parse(body) else {
            throw APIError.invalidParameter("The request body is not a valid JSON object.")
        }
        var values: [String: JSONValue] = [:]
        for member in members where member.value != .null {
            guard allowed.contains(member.key) else { throw APIError.unknownParameter(member.key) }
            values[member.key] = member.value
        }
        self.values = values
    }

    /// Whether `name` was sent (with a non-null value).
    func contains(_ name: String) -> Bool { values[name] != nil }

    func string(_ name: String) throws(APIError) -> String? {
        guard let value = values[name] else { return nil }
        guard let s = value.stringValue else { throw Self.typeError(name, "a string") }
        return s
    }

    func requiredString(_ name: String) throws(APIError) -> String {
        guard let s = try string(name) else { throw APIError.missingParameter(name) }
        return s
    }

    func strings(_ name: String) throws(APIError) -> [String]? {
        guard let value = values[name] else { return nil }
        return try Self.strings(value, name: name)
    }

    func requiredStrings(_ name: String) throws(APIError) -> [String] {
        guard let list = try strings(name) else { throw APIError.missingParameter(name) }
        return list
    }

    func boolean(_ name: String) throws(APIError) -> Bool? {
        guard let value = values[name] else { return nil }
        guard case .bool(let b) = value else { throw Self.typeError(name, "a boolean") }
        return b
    }

    /// A non-negative integer (the API's uint64).
    func unsigned(_ name: String) throws(APIError) -> Int? {
        guard let value = values[name] else { return nil }
        guard let n = value.intValue else { throw Self.typeError(name, "an integer") }
        guard n >= 0 else {
            throw APIError("InvalidParameterValue", "The value of `\(name)` must not be negative.")
        }
        return n
    }

    func bool(_ name: String) throws(APIError) -> Bool? {
        guard let value = values[name] else { return nil }
        guard case .bool(let b) = value else { throw Self.typeError(name, "a boolean") }
        return b
    }

    /// `Filters`: a list of `{"Name": string, "Values": [string]}`.
    func filters() throws(APIError) -> [Filter]? {
        guard let value = values["Filters"] else { return nil }
        guard let list = value.arrayValue else { throw Self.typeError("Filters", "a list of Filter") }
        var filters: [Filter] = []
        for (index, item) in list.enumerated() {
            let path = "Filters.\(index)"
            guard case .object(let members) = item else { throw Self.typeError(path, "a Filter object") }
            for member in members where member.key != "Name" && member.key != "Values" && member.value != .null {
                throw APIError.unknownParameter("\(path).\(member.key)")
            }
            guard let nameValue = item["Name"], nameValue != .null else {
                throw APIError.missingParameter("\(path).Name")
            }
            guard let name = nameValue.stringValue else { throw Self.typeError("\(path).Name", "a string") }
            guard let valuesValue = item["Values"], valuesValue != .null else {
                throw APIError.missingParameter("\(path).Values")
            }
            filters.append(Filter(name: name, values: try Self.strings(valuesValue, name: "\(path).Values")))
        }
        return filters
    }

    private static func strings(_ value: JSONValue, name: String) throws(APIError) -> [String] {
        guard let items = value.arrayValue else { throw typeError(name, "a list of strings") }
        var result: [String] = []
        for item in items {
            guard let s = item.stringValue else { throw typeError(name, "a list of strings") }
            result.append(s)
        }
        return result
    }

    private static func typeError(_ name: String, _ expected: String) -> APIError {
        APIError.invalidParameter("The parameter `\(name)` must be \(expected).")
    }
}

/// A DescribeImages filter.
struct Filter: Sendable, Equatable {
    var name: String
    var values: [String]
}

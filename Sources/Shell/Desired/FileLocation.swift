/// A place in a share file, `shares.yaml:3:5`: line and column count from 1, columns in Unicode
/// scalars (as libyaml counts them).
public struct FileLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// Why a share file was rejected: one line, `FILE:LINE:COLUMN: problem; fix`. Nothing is read
/// from the API or changed for a rejected file.
public struct DesiredFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: FileLocation
    /// The problem and, where there is one, the fix.
    public var message: String

    public init(_ location: FileLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}

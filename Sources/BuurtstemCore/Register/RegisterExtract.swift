public import Statuut

/// One valid row of a residents' register extract.
public struct RegisterRow: Sendable, Hashable {
    /// The line the row starts on in the file.
    public var line: Int
    public var id: ResidentID
    public var address: Address
    public var birth: Birth?
    public var movedIn: CivilDate?
    public var movedOut: CivilDate?
    public var name: String?
}

/// A row that could not be imported, with where and why.
public struct RegisterReject: Error, Sendable, Hashable {
    public var line: Int
    /// The column at fault, as named in the header; nil for a problem with the whole row.
    public var column: String?
    public var reason: String
    /// The row as it stood in the file.
    public var raw: String
}

/// A problem with the file as a whole (no header, a required column missing).
public struct RegisterFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// A parsed extract: every row read is either in `rows` or in `rejects`.
public struct RegisterExtract: Sendable {
    public var rows: [RegisterRow]
    public var rejects: [RegisterReject]
    /// Data rows read (not counting the header and blank lines); always rows + rejects.
    public var rowsRead: Int
    /// The columns found, by their canonical (Dutch) name.
    public var columns: [String]
}

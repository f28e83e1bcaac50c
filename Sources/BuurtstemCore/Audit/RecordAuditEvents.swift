public import Statuut

// The entries about the association's records as types: results, statute versions, purges and
// restores. Each writes the payload the store always wrote for its action, byte for byte.

/// How a ballot's result entered the log: counted at the close, or completed by the chair's
/// decision after a tie.
public enum ResultLogged {
    public enum Closed: LoggedAs { public static let action = AuditAction.ballotClosed }
    public enum ChairDecided: LoggedAs { public static let action = AuditAction.ballotChairDecided }
}

/// A ballot's result as the log records it: the result object exactly as stored in the ballot
/// (`audit verify` compares the two), which names its ballot.
public struct BallotResultLogged<Kind: LoggedAs>: AuditEvent, Hashable, Sendable {
    public static var action: AuditAction { Kind.action }
    /// The whole result, as stored.
    public var result: BallotResult
    /// The ballot the result belongs to.
    public var ballot: BallotID? { result.ballot }

    public init(result: BallotResult) {
        self.result = result
    }

    public init(from decoder: any Decoder) throws {
        self.init(result: try BallotResult(from: decoder))
    }

    public var payload: JSONValue { result.json }
}

/// A ballot was counted and closed.
public typealias BallotClosed = BallotResultLogged<ResultLogged.Closed>
/// The chair decided a tied ballot; the entry is the completed result.
public typealias BallotChairDecided = BallotResultLogged<ResultLogged.ChairDecided>

/// A statute version was adopted: at founding, by a board's command, or by an amendment ballot
/// (which records the version, its first day and how only).
public struct StatuteAdopted: PlainAuditEvent, Hashable {
    public static let action = AuditAction.statuteAdopted
    public var version: Int
    public var validFrom: String
    public var sha256: String?
    public var file: String?
    public var how: String
    public var name: String?

    /// A version adopted from a file.
    public init(version: Int, validFrom: CivilDate, sha256: String, file: String, how: String, name: String) {
        self.version = version
        self.validFrom = validFrom.description
        self.sha256 = sha256
        self.file = file
        self.how = how
        self.name = name
    }

    /// A version adopted by an amendment ballot.
    public init(version: Int, validFrom: CivilDate, byBallot ballot: BallotID) {
        self.version = version
        self.validFrom = validFrom.description
        self.how = "amendment ballot \(ballot)"
    }
}

/// The database was restored from a backup: the backup's hash, whether its checksum file matched
/// (null without one), and how many audit entries of the live log the restore lost.
public struct DatabaseRestored: PlainAuditEvent, Hashable {
    public static let action = AuditAction.databaseRestored
    public var backupSHA256: String
    public var checksumFile: OrNull<Bool>
    public var entriesLost: Int
    public init(backupSHA256: String, checksumMatched: Bool?, entriesLost: Int) {
        self.backupSHA256 = backupSHA256
        self.checksumFile = OrNull(checksumMatched)
        self.entriesLost = entriesLost
    }
}

/// Personal data past its keeping period was purged: what, up to when, under which rule.
public struct DataPurged: AuditEvent, Hashable {
    public static let action = AuditAction.dataPurged

    /// The keeping periods the purge applied.
    public struct Rule: Sendable, Hashable, Decodable {
        public var codesDays: Int
        public var namesDays: Int
        public var logMonths: Int
        public var presenceYears: Int
        public var registerYears: Int
        public init(codesDays: Int, namesDays: Int, logMonths: Int, presenceYears: Int, registerYears: Int) {
            (self.codesDays, self.namesDays, self.logMonths) = (codesDays, namesDays, logMonths)
            (self.presenceYears, self.registerYears) = (presenceYears, registerYears)
        }
    }

    public var before: String
    public var on: String
    public var codes: Int
    public var names: Int
    public var assemblies: [AssemblyID]
    /// The audit entries whose resident data was purged (by sequence number).
    public var entries: [Int]
    public var presenceLists: [AssemblyID]
    public var formerResidents: Int
    public var rule: Rule

    public init(
        before: CivilDate, on day: CivilDate, codes: Int, names: Int, assemblies: [AssemblyID], entries: [Int], presenceLists: [AssemblyID],
        formerResidents: Int, rule: Rule
    ) {
        self.before = before.description
        self.on = day.description
        (self.codes, self.names, self.assemblies, self.entries) = (codes, names, assemblies, entries)
        (self.presenceLists, self.formerResidents, self.rule) = (presenceLists, formerResidents, rule)
    }

    public var payload: JSONValue {
        .object([
            "before": .string(before), "on": .string(on), "codes": .int(codes), "names": .int(names),
            "assemblies": .array(assemblies.map(JSONValue.id)), "entries": .array(entries.map(JSONValue.int)),
            "presenceLists": .array(presenceLists.map(JSONValue.id)), "formerResidents": .int(formerResidents),
            "rule": .object([
                "codesDays": .int(rule.codesDays), "namesDays": .int(rule.namesDays), "logMonths": .int(rule.logMonths),
                "presenceYears": .int(rule.presenceYears), "registerYears": .int(rule.registerYears),
            ]),
        ])
    }
}

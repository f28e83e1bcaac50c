/// How long personal data is kept after an assembly (docs/verwerkingsregister.md). `purge --before
/// DATE` removes what this allows on DATE; what it does not name is kept for the legal periods
/// (presence lists and the register as pseudonymous ids: the minutes and the quorum rest on them).
public struct RetentionRule: Sendable, Hashable {
    /// Voting codes (their keyed hashes and whose they were), in days after the assembly.
    public var codesDays: Int
    /// Residents' names (kept only for the desk), in days after the last assembly.
    public var namesDays: Int
    /// Resident data in the audit log (ids, reasons, address changes), in months after the entry.
    public var logMonths: Int

    public init(codesDays: Int = 30, namesDays: Int = 30, logMonths: Int = 24) {
        self.codesDays = codesDays
        self.namesDays = namesDays
        self.logMonths = logMonths
    }

    /// The association's default (as the processing register states it).
    public static let standard = RetentionRule()
}

/// How long personal data is kept after an assembly (docs/verwerkingsregister.md). `purge --before
/// DATE` removes what this allows on DATE. Current residents' addresses stay: membership is derived
/// from them.
public struct RetentionRule: Sendable, Hashable {
    /// Voting codes (their keyed hashes and whose they were), in days after the assembly.
    public var codesDays: Int
    /// Residents' names (kept only for the desk), in days after the last assembly.
    public var namesDays: Int
    /// Resident data in the audit log (ids, reasons, address changes), in months after the entry.
    public var logMonths: Int
    /// Presence lists, proxies and the frozen electorate, in years after the assembly; then only
    /// their counts stay (the minutes, the quorum and that year's compliance read those).
    public var presenceYears: Int
    /// Residents who left the area, in years after they moved out: then they leave the register
    /// (birth data, addresses, membership history, applications), unless a kept record still names them.
    public var registerYears: Int

    public init(codesDays: Int = 30, namesDays: Int = 30, logMonths: Int = 24, presenceYears: Int = 7, registerYears: Int = 7) {
        self.registerYears = registerYears
        self.codesDays = codesDays
        self.namesDays = namesDays
        self.logMonths = logMonths
        self.presenceYears = presenceYears
    }

    /// The association's default (as the processing register states it).
    public static let standard = RetentionRule()
}

public import BuurtstemCore
import GRDB

/// An assembly's presence list, proxies and frozen electorate as counts, once `purge` removed the
/// lists (the retention rule's `presenceYears`). Readers of attendance and electorate get
/// placeholders in the counted numbers, so the minutes, the quorum and the compliance of that year
/// read the same; nothing in them names a member.
struct PresenceSummary: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "presence_summary"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var assemblyId: AssemblyID
    var electorate: Int
    var present: Int
    var represented: Int
    var purgedOn: String

    static func fetch(_ db: Database, _ assembly: AssemblyID) throws -> PresenceSummary? {
        try PresenceSummary.fetchOne(db, key: assembly)
    }

    /// `count` ids that stand for members no longer named (`purged:present:1`, …).
    static func placeholders(_ what: String, _ count: Int) -> Set<ResidentID> {
        Set((0..<count).map { ResidentID("purged:\(what):\($0 + 1)") })
    }
}

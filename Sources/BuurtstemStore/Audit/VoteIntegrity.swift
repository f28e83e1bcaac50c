public import BuurtstemCore
import Foundation
public import GRDB

/// For one ballot: the votes stored against the codes marked used and the audit log's entries.
public struct BallotIntegrity: Sendable, Hashable {
    public var ballot: BallotID
    /// Rows in the secret `vote` table.
    public var votes: Int
    /// Codes marked as having voted on this ballot.
    public var codesUsed: Int
    /// Votes entered at the table (paper ballots), from the audit log.
    public var entered: Int
    /// `vote.cast` entries in the audit log.
    public var auditedVotes: Int
    /// Members present or represented at the ballot's assembly: no ballot has more votes.
    public var votesAllowed: Int
    /// What in the ballot, its votes or its code uses no longer matches the audit log's entries.
    public var logProblems: [String] = []

    /// Every vote is accounted for (one used code or a paper entry, and one audit entry per vote),
    /// and there are no more votes than members present or represented.
    public var isConsistent: Bool { votes == codesUsed + entered && auditedVotes == codesUsed && votes <= votesAllowed && logProblems.isEmpty }
}

extension AppDatabase {
    /// Checks every ballot: votes stored = codes used (+ paper votes entered) = votes in the audit log.
    public func voteIntegrity() throws -> [BallotIntegrity] {
        try writer.read { db in
            var audited: [BallotID: Int] = [:]
            var entered: [BallotID: Int] = [:]
            let decoder = JSONDecoder()
            for row in try Row.fetchAll(
                db, sql: "SELECT action, payload FROM audit_entry WHERE action IN (?, ?)", arguments: [VoteCast.action.rawValue, VotesEntered.action.rawValue])
            {
                let payload = Data((row["payload"] as String).utf8)
                if (row["action"] as String) == VoteCast.action.rawValue {
                    if let cast = try? decoder.decode(VoteCast.self, from: payload) { audited[cast.ballot, default: 0] += 1 }
                } else if let entry = try? decoder.decode(VotesEntered.self, from: payload) {
                    entered[entry.ballot, default: 0] += entry.count ?? 0
                }
            }
            var allowed: [AssemblyID: Int] = [:]
            let logProblems = try BallotLogCheck.load(db).problems(db)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT id, (SELECT COUNT(*) FROM vote WHERE ballot_id = ballot.id) AS votes,
                           (SELECT COUNT(*) FROM code_vote WHERE ballot_id = ballot.id) AS codes_used,
                           (SELECT assembly_id FROM proposal WHERE proposal.id = ballot.proposal_id) AS assembly_id
                    FROM ballot ORDER BY id
                    """
            ).map { row in
                let id: BallotID = row["id"]
                let assembly: AssemblyID = row["assembly_id"]
                if allowed[assembly] == nil { allowed[assembly] = try Self.attendance(db, assembly).votesAllowed }
                return BallotIntegrity(
                    ballot: id, votes: row["votes"], codesUsed: row["codes_used"], entered: entered[id] ?? 0, auditedVotes: audited[id] ?? 0,
                    votesAllowed: allowed[assembly] ?? 0, logProblems: logProblems[id] ?? [])
            }
        }
    }
}

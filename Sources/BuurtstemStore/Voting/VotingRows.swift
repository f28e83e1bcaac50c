import BuurtstemCore
import Foundation
import GRDB

// The voting tables as records. None of them joins a member to a choice: `voting_code` names the
// member and holds only a keyed hash of the code; `code_vote`, `carried_vote` and `vote` are
// under markers and receipts only the plain code produces.

/// A row of `voting_code`: a member's code for one assembly, kept as a keyed hash.
struct VotingCodeRow: StoredRow, PersistableRecord {
    static let databaseTableName = "voting_code"
    var codeHash: Data
    var assemblyId: AssemblyID
    var residentId: ResidentID
    var state: CodeState
    /// A code handed out while ballots were open votes from this ballot on (nil: on every ballot).
    var firstBallot: BallotID?

    /// The member's code that still counts (issued or active), or nil.
    static func current(_ db: Database, assembly: AssemblyID, member: ResidentID) throws -> VotingCodeRow? {
        try filter(Column("assembly_id") == assembly && Column("resident_id") == member && Column("state") != CodeState.revoked).fetchOne(db)
    }

    /// Activates the member's issued code (at check-in, or when they give a proxy).
    static func activate(_ db: Database, assembly: AssemblyID, member: ResidentID) throws {
        try filter(Column("assembly_id") == assembly && Column("resident_id") == member && Column("state") == CodeState.issued)
            .updateAll(db, Column("state").set(to: CodeState.active))
    }
}

/// A row of `code_vote`: "this code voted on this ballot" under the code's marker, with the
/// receipt sealed for the code (so only the voter can find their vote again to replace it).
struct CodeVoteRow: StoredRow, PersistableRecord {
    static let databaseTableName = "code_vote"
    var ballotId: BallotID
    var marker: Data
    var sealedReceipt: Data?
}

/// A row of `carried_vote`: a vote of a member's earlier code, carried over to the new code.
struct CarriedVoteRow: StoredRow, PersistableRecord {
    static let databaseTableName = "carried_vote"
    var ballotId: BallotID
    var marker: Data
    var sealed: Data?
}

/// A row of `vote`: a choice under its receipt, and nothing else.
struct VoteRow: StoredRow, PersistableRecord {
    static let databaseTableName = "vote"
    var ballotId: BallotID
    var receipt: String
    var choice: String
}

/// A row of `assembly_secret`: the assembly's key for code hashes, markers and commitments.
struct AssemblySecretRow: StoredRow, PersistableRecord {
    static let databaseTableName = "assembly_secret"
    var assemblyId: AssemblyID
    var secret: Data
}

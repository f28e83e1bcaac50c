public import BuurtstemCore
import Crypto
import Foundation
public import GRDB
public import Statuut

extension VoteRejection {
    /// A write that failed because the disk is full or failing, as a refusal the voter can act on;
    /// any other error unchanged.
    static func storage(_ error: any Error) -> any Error {
        guard let database = error as? DatabaseError else { return error }
        switch database.resultCode {
        case .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_CANTOPEN: return VoteRejection.storageFull
        default: return error
        }
    }
}

extension AppDatabase {

    /// Casts one vote with a code, in one transaction: the code's use on this ballot and the vote
    /// are written together (a unique key makes a second use impossible), the vote itself holds
    /// only the ballot, a random receipt and the choice. Returns the receipt.
    @discardableResult
    public func castVote(code: VotingCode, ballot: BallotID, choice: String) throws -> String {
        try cast(code: code, ballot: ballot, choice: choice).receipt
    }

    /// Casts one vote and says what the transaction did (`CastVote`): the receipt, the choice as
    /// stored, whether it replaced the code's earlier vote.
    public func cast(code: VotingCode, ballot: BallotID, choice: String) throws -> CastVote {
        do {
            return try writer.write { db in
                var appender = try AuditAppender(db, at: clock.now())
                var ballots = BallotsForVoting()
                let cast = try Self.castVote(db, code: code, ballot: ballot, choice: choice, ballots: &ballots, audit: &appender)
                try appender.finish(db)
                return cast
            }
        } catch { throw VoteRejection.storage(error) }
    }

    /// What a vote needs to know about its ballot, read once per transaction (a batch of votes).
    struct BallotsForVoting {
        struct Ballot {
            var open: Bool
            var method: TallyMethod
            var options: [BallotOption]
            var budget: Int?
            var secret: [UInt8]
            /// A member may replace their vote until the close (recorded when the ballot opened).
            var changeable: Bool
        }
        private var known: [BallotID: Ballot] = [:]

        mutating func ballot(_ db: Database, _ id: BallotID) throws -> Ballot {
            if let ballot = known[id] { return ballot }
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT ballot.state, ballot.method, ballot.options, proposal.assembly_id, proposal.kind, ballot.budget, ballot.votes_changeable
                        FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id WHERE ballot.id = ?
                        """, arguments: [id])
            else { throw VoteRejection.noSuchBallot }
            let changeable: Bool
            if let recorded = row["votes_changeable"] as Bool? {
                changeable = recorded
            } else {
                // A ballot opened before v14 recorded it: the statute in force on the assembly's date says.
                let assembly = try AppDatabase.assembly(db, row["assembly_id"])
                let (statute, _) = try AppDatabase.statute(db, on: assembly.date)
                changeable = statute.decisionKind(named: row["kind"])?.votesMayBeChanged.value ?? false
            }
            let ballot = Ballot(
                open: (row["state"] as String) == "open", method: try row.decode(TallyMethod.self, forColumn: "method"),
                options: try JSONDecoder().decode([BallotOption].self, from: Data((row["options"] as String).utf8)), budget: row["budget"],
                secret: try AppDatabase.secret(db, assembly: row["assembly_id"]), changeable: changeable)
            known[id] = ballot
            return ballot
        }
    }

    /// One vote inside the caller's transaction: what the rules decide (`VoteRules`), then the
    /// code's use, the vote and the audit entry (appended to `audit`; the caller finishes it once
    /// for the whole batch).
    static func castVote(
        _ db: Database, code: VotingCode, ballot id: BallotID, choice: String, ballots: inout BallotsForVoting,
        audit: inout AuditAppender
    ) throws -> CastVote {
        let ballot = try ballots.ballot(db, id)
        let hash = Data(code.keyedHash(secret: ballot.secret).bytes)
        // The hash is keyed per assembly, so finding it is finding the code in this assembly.
        let row =
            ballot.open ? try Row.fetchOne(db.cachedStatement(sql: "SELECT state, first_ballot FROM voting_code WHERE code_hash = ?"), arguments: [hash]) : nil
        if let refusal = VoteRules.admission(
            ballotOpen: ballot.open, state: row.map { $0["state"] as CodeState }, firstBallot: row?["first_ballot"], ballot: id)
        {
            throw refusal
        }
        let stored: Choice
        do throws(Refusal) { stored = try Choice(choice, method: ballot.method, options: ballot.options) } catch {
            throw VoteRejection.invalidChoice(error)
        }
        let normalised = stored.stored
        func cast(replaced: Bool, _ receipt: String) -> CastVote {
            CastVote(receipt: receipt, choice: stored, replaced: replaced, method: ballot.method, options: ballot.options, budget: ballot.budget)
        }
        // "This code voted on this ballot" under a marker only the plain code produces: it never
        // joins `voting_code`, so the rows written together here name no member.
        let marker = Data(code.ballotMarker(secret: ballot.secret, ballot: id).bytes)
        let receipt = Receipts.make()
        let key = code.receiptKey(secret: ballot.secret, ballot: id)
        let sealed = try ChaChaPoly.seal(Data(receipt.utf8), using: key).combined
        let commitment = VoteCommitment.vote(secret: ballot.secret, ballot: id, receipt: receipt, choice: normalised)
        // A vote carried over from this member's earlier code (they brought the old letter at a reissue).
        if var carried = try CarriedVoteRow.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM carried_vote WHERE ballot_id = ? AND marker = ?"), arguments: [id, marker])
        {
            let opened = carried.sealed.flatMap { try? ChaChaPoly.SealedBox(combined: $0) }.flatMap { try? ChaChaPoly.open($0, using: key) }
            guard case .replace = VoteRules.repeatVote(changeable: ballot.changeable, oldVoteFound: (opened?.count ?? 0) > 32), let opened else {
                throw VoteRejection.alreadyVoted
            }
            let removed = try removeVote(db, ballot: id, receipt: String(decoding: opened.dropFirst(32), as: UTF8.self), secret: ballot.secret)
            let resealed = try ChaChaPoly.seal(Data(opened.prefix(32)) + Data(receipt.utf8), using: key).combined
            carried.sealed = resealed
            try carried.update(db)
            try Self.insertVote(db, ballot: id, receipt: receipt, choice: normalised)
            try audit.append(actor: .system, VoteReplaced(ballot: id, removed: removed, vote: commitment))
            return cast(replaced: true, receipt)
        }
        let codeUse = VoteCommitment.codeUse(secret: ballot.secret, ballot: id, marker: [UInt8](marker), sealed: [UInt8](sealed))
        let codeVote = CodeVoteRow(ballotId: id, marker: marker, sealedReceipt: sealed)
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO code_vote (ballot_id, marker, sealed_receipt) VALUES (?, ?, ?)")
            .execute(arguments: [id, marker, sealed])
        if db.changesCount == 1 {
            try Self.insertVote(db, ballot: id, receipt: receipt, choice: normalised)
            // The audit entry commits to the vote row and the code-use row (keyed: see VoteCommitment),
            // never to the member or the code.
            try audit.append(actor: .system, VoteCast(ballot: id, vote: commitment, code: codeUse))
            return cast(replaced: false, receipt)
        }
        // This code voted before. Where the ballot allows it, the new vote replaces the old one:
        // only the code opens the sealed receipt, so only the voter can find their old vote.
        let old = ballot.changeable ? try CodeVoteRow.fetchOne(db, key: ["ballot_id": id.databaseValue, "marker": marker.databaseValue])?.sealedReceipt : nil
        let opened = old.flatMap { try? ChaChaPoly.SealedBox(combined: $0) }.flatMap { try? ChaChaPoly.open($0, using: key) }
        // A vote from before sealed receipts existed cannot be found again: the first vote counts.
        guard case .replace = VoteRules.repeatVote(changeable: ballot.changeable, oldVoteFound: opened != nil), let old, let opened else {
            throw VoteRejection.alreadyVoted
        }
        let removed = try removeVote(db, ballot: id, receipt: String(decoding: opened, as: UTF8.self), secret: ballot.secret)
        try codeVote.update(db)
        try Self.insertVote(db, ballot: id, receipt: receipt, choice: normalised)
        try audit.append(
            actor: .system,
            VoteReplaced(
                ballot: id, removed: removed, vote: commitment,
                codeBefore: VoteCommitment.codeUse(secret: ballot.secret, ballot: id, marker: [UInt8](marker), sealed: [UInt8](old)), code: codeUse))
        return cast(replaced: true, receipt)
    }

    /// Writes a `vote` row through its prepared statement: the one insert every vote makes, kept
    /// off the record encoder (`VoteRow` is the row's type for everything else).
    private static func insertVote(_ db: Database, ballot id: BallotID, receipt: String, choice: String) throws {
        try db.cachedStatement(sql: "INSERT INTO vote (ballot_id, receipt, choice) VALUES (?, ?, ?)").execute(arguments: [id, receipt, choice])
    }

    /// Deletes the vote under `receipt` (being replaced) and returns its commitment.
    private static func removeVote(_ db: Database, ballot id: BallotID, receipt: String, secret: [UInt8]) throws -> String {
        guard let vote = try VoteRow.fetchOne(db, key: ["ballot_id": id.databaseValue, "receipt": receipt.databaseValue]) else {
            throw VoteRejection.alreadyVoted
        }
        try vote.delete(db)
        return VoteCommitment.vote(secret: secret, ballot: id, receipt: receipt, choice: vote.choice)
    }

    static func secret(_ db: Database, assembly id: AssemblyID) throws -> [UInt8] {
        if let row = try AssemblySecretRow.fetchOne(db, key: id) { return [UInt8](row.secret) }
        var random = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }
        try AssemblySecretRow(assemblyId: id, secret: Data(secret)).insert(db)
        return secret
    }
}

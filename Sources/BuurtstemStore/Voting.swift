public import BuurtstemCore
import Crypto
import Foundation
public import GRDB
public import Statuut

/// Why a vote was not accepted. `countsAsFailedAttempt` tells the rate limiter whether someone
/// may be guessing codes (a typo or a second vote does not count).
public enum VoteRejection: Error, Sendable, Hashable, CustomStringConvertible {
    case typo(VotingCode.Problem)
    case unknownCode
    case notCheckedIn
    case revoked
    case alreadyVoted
    case ballotClosed
    case noSuchBallot
    case invalidChoice(String)
    /// The code was handed out after this ballot opened, while the member's earlier code could
    /// vote on it: it votes on later ballots only (one member, one vote).
    case codeNewerThanBallot

    /// A stable id for the JSON API.
    public var id: String {
        switch self {
        case .typo: return "typo"
        case .unknownCode: return "unknown-code"
        case .notCheckedIn: return "not-checked-in"
        case .revoked: return "code-revoked"
        case .alreadyVoted: return "already-voted"
        case .ballotClosed: return "ballot-closed"
        case .noSuchBallot: return "no-such-ballot"
        case .invalidChoice: return "invalid-choice"
        case .codeNewerThanBallot: return "code-newer-than-ballot"
        }
    }

    public var countsAsFailedAttempt: Bool { self == .unknownCode }

    public var description: String {
        switch self {
        case .typo(let problem): return problem.description
        case .unknownCode: return "this code is not valid for this assembly"
        case .notCheckedIn: return "please check in at the desk first; your code becomes active there"
        case .revoked: return "this code was replaced by a new one; use the newest letter"
        case .alreadyVoted: return "this code has already voted on this ballot"
        case .ballotClosed: return "this ballot is closed"
        case .noSuchBallot: return "there is no such ballot"
        case .invalidChoice(let why): return why
        case .codeNewerThanBallot:
            return "this code was handed out after this ballot opened, and the earlier code may have voted on it; it votes on later ballots (bring the earlier letter to the desk to carry its votes over)"
        }
    }
}

extension AppDatabase {
    /// Issues a code to every member of the assembly's electorate who has none, and returns the
    /// plain codes (the only time they exist outside the letters). Stores keyed hashes only.
    public func issueCodes(assembly id: Int, actor: Actor = .system) throws -> [(member: ResidentID, code: VotingCode)] {
        try writer.write { db in
            let assembly = try Self.assembly(db, id)
            guard assembly.state == .called || assembly.state == .open else {
                throw StoreError("codes are issued once assembly \(id) is called (the electorate is then known)")
            }
            let secret = try Self.secret(db, assembly: id)
            let have = Set(try String.fetchAll(db, sql: "SELECT resident_id FROM voting_code WHERE assembly_id = ? AND state != 'revoked'",
                                               arguments: [id]))
            var random = SystemRandomNumberGenerator()
            var issued: [(ResidentID, VotingCode)] = []
            for member in try Self.electorate(db, id).sorted() where !have.contains(member.rawValue) {
                let code = VotingCode.generate(using: &random)
                try db.execute(sql: "INSERT INTO voting_code (code_hash, assembly_id, resident_id, state) VALUES (?, ?, ?, 'issued')",
                               arguments: [Data(code.keyedHash(secret: secret).bytes), id, member.rawValue])
                issued.append((member, code))
            }
            try audit(db, actor, "codes.issued", ["assembly": .int(id), "count": .int(issued.count)])
            return issued.map { (member: $0.0, code: $0.1) }
        }
    }

    /// Replaces a member's code (a lost letter, a reprint at the desk); the old code stops working.
    ///
    /// One member, one vote, whatever the desk does: the old code may have voted on ballots that are
    /// open now, and only the old code can tell (its votes are under markers that need it). So:
    /// - with the old code at hand (`old`: the member brings the letter), its votes are carried over
    ///   to the new code, and the new code may vote wherever the old one had not;
    /// - without it, the new code votes only on ballots opened after this moment, unless the old code
    ///   never was active (then it cannot have voted).
    /// Either way nothing here says how anyone voted; the desk learns only which ballots the new code
    /// cannot take.
    public func reissueCode(assembly id: Int, member: ResidentID, old: VotingCode? = nil, actor: Actor = .desk("balie")) throws -> ReissuedCode {
        try writer.write { db in
            guard try Self.electorate(db, id).contains(member) else { throw StoreError("\(member) is not in the electorate of assembly \(id)") }
            let secret = try Self.secret(db, assembly: id)
            let current = try Row.fetchOne(db, sql: """
                SELECT code_hash, state, first_ballot FROM voting_code WHERE assembly_id = ? AND resident_id = ? AND state != 'revoked'
                """, arguments: [id, member.rawValue])
            let currentState: String? = current?["state"]
            if let old {
                guard let hash = current?["code_hash"] as Data?, hash == Data(old.keyedHash(secret: secret).bytes) else {
                    throw StoreError("that is not \(member)'s current code; check the letter (a newer code may have replaced it)")
                }
            }
            // The new code is active at once when the old one was, or when the member is already
            // checked in or has given a proxy (a code handed out at the desk).
            let wasActive = try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM voting_code WHERE assembly_id = ?1 AND resident_id = ?2 AND state = 'active')
                     + (SELECT COUNT(*) FROM attendance WHERE assembly_id = ?1 AND resident_id = ?2)
                     + (SELECT COUNT(*) FROM proxy WHERE assembly_id = ?1 AND giver = ?2)
                """, arguments: [id, member.rawValue]) ?? 0 > 0
            var random = SystemRandomNumberGenerator()
            let code = VotingCode.generate(using: &random)
            var firstBallot: Int? = current?["first_ballot"]
            var carried = 0
            if let old {
                // Carry the old code's votes over: "the new code voted here" under the new marker, with the
                // old marker and receipt sealed for the new code. The old rows stay untouched (see v9).
                for ballot in try Int.fetchAll(db, sql: "SELECT ballot.id FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id WHERE proposal.assembly_id = ?",
                                               arguments: [id]) {
                    let oldMarker = Data(old.ballotMarker(secret: secret, ballot: ballot).bytes)
                    guard let sealed = try Data.fetchOne(db, sql: "SELECT sealed_receipt FROM code_vote WHERE ballot_id = ? AND marker = ?",
                                                         arguments: [ballot, oldMarker]) else { continue }
                    var resealed: Data?
                    if let box = try? ChaChaPoly.SealedBox(combined: sealed),
                       let receipt = try? ChaChaPoly.open(box, using: old.receiptKey(secret: secret, ballot: ballot)) {
                        resealed = try ChaChaPoly.seal(oldMarker + receipt, using: code.receiptKey(secret: secret, ballot: ballot)).combined
                    }
                    try db.execute(sql: "INSERT INTO carried_vote (ballot_id, marker, sealed) VALUES (?, ?, ?)",
                                   arguments: [ballot, Data(code.ballotMarker(secret: secret, ballot: ballot).bytes), resealed])
                    carried += 1
                }
            } else if currentState == "active" {
                // The old code could vote and is not here to say where it did.
                firstBallot = (try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM ballot") ?? 1)
            }
            try db.execute(sql: "UPDATE voting_code SET state = 'revoked' WHERE assembly_id = ? AND resident_id = ?", arguments: [id, member.rawValue])
            try db.execute(sql: "INSERT INTO voting_code (code_hash, assembly_id, resident_id, state, first_ballot) VALUES (?, ?, ?, ?, ?)",
                           arguments: [Data(code.keyedHash(secret: secret).bytes), id, member.rawValue, wasActive ? "active" : "issued", firstBallot])
            let unavailable = try Int.fetchAll(db, sql: """
                SELECT ballot.id FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id
                WHERE proposal.assembly_id = ? AND ballot.state = 'open' AND ballot.id < ? ORDER BY ballot.id
                """, arguments: [id, firstBallot ?? 0])
            try audit(db, actor, "code.reissued", ["assembly": .int(id), "id": .string(member.rawValue),
                                                    "oldCodeShown": .bool(old != nil), "firstBallot": firstBallot.map(JSONValue.int) ?? .null])
            return ReissuedCode(code: code, unavailableBallots: unavailable, carriedOver: old == nil ? nil : carried)
        }
    }

    /// Casts one vote with a code, in one transaction: the code's use on this ballot and the vote
    /// are written together (a unique key makes a second use impossible), the vote itself holds
    /// only the ballot, a random receipt and the choice. Returns the receipt.
    public func castVote(code: VotingCode, ballot: Int, choice: String) throws -> String {
        try writer.write { db in
            var appender = try AuditAppender(db, at: clock.now())
            var ballots = BallotsForVoting()
            let receipt = try Self.castVote(db, code: code, ballot: ballot, choice: choice, ballots: &ballots, audit: &appender)
            try appender.finish(db)
            return receipt
        }
    }

    /// What a vote needs to know about its ballot, read once per transaction (a batch of votes).
    struct BallotsForVoting {
        struct Ballot {
            var open: Bool
            var method: TallyMethod
            var options: [BallotOption]
            var secret: [UInt8]
            /// The statute lets a member replace their vote until the close.
            var changeable: Bool
        }
        private var known: [Int: Ballot] = [:]

        mutating func ballot(_ db: Database, _ id: Int) throws -> Ballot {
            if let ballot = known[id] { return ballot }
            guard let row = try Row.fetchOne(db, sql: """
                SELECT ballot.state, ballot.method, ballot.options, proposal.assembly_id, proposal.kind
                FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id WHERE ballot.id = ?
                """, arguments: [id]) else { throw VoteRejection.noSuchBallot }
            let assembly = try AppDatabase.assembly(db, row[3])
            let (statute, _) = try AppDatabase.statute(db, on: assembly.date)
            let ballot = Ballot(open: (row[0] as String) == "open", method: TallyMethod(rawValue: row[1]) ?? .yesNo,
                                options: try JSONDecoder().decode([BallotOption].self, from: Data((row[2] as String).utf8)),
                                secret: try AppDatabase.secret(db, assembly: row[3]),
                                changeable: statute.decisionKind(named: row[4])?.votesMayBeChanged.value ?? false)
            known[id] = ballot
            return ballot
        }
    }

    /// One vote inside the caller's transaction: checks, the code's use and the vote, and the
    /// audit entry (appended to `audit`; the caller finishes it once for the whole batch).
    static func castVote(_ db: Database, code: VotingCode, ballot id: Int, choice: String, ballots: inout BallotsForVoting,
                         audit: inout AuditAppender) throws -> String {
        let ballot = try ballots.ballot(db, id)
        guard ballot.open else { throw VoteRejection.ballotClosed }
        let hash = Data(code.keyedHash(secret: ballot.secret).bytes)
        // The hash is keyed per assembly, so finding it is finding the code in this assembly.
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT state, first_ballot FROM voting_code WHERE code_hash = ?"), arguments: [hash]) else {
            throw VoteRejection.unknownCode
        }
        switch row[0] as String {
        case "revoked": throw VoteRejection.revoked
        case "issued": throw VoteRejection.notCheckedIn
        default: break
        }
        if let first = row[1] as Int?, id < first { throw VoteRejection.codeNewerThanBallot }
        let normalised: String
        do throws(Refusal) { normalised = try BallotCounting.normalise(choice, method: ballot.method, options: ballot.options) } catch {
            throw VoteRejection.invalidChoice(error.en)
        }
        // "This code voted on this ballot" under a marker only the plain code produces: it never
        // joins `voting_code`, so the rows written together here name no member.
        let marker = Data(code.ballotMarker(secret: ballot.secret, ballot: id).bytes)
        let receipt = Receipts.make()
        let key = code.receiptKey(secret: ballot.secret, ballot: id)
        let sealed = try ChaChaPoly.seal(Data(receipt.utf8), using: key).combined
        let commitment = VoteCommitment.vote(secret: ballot.secret, ballot: id, receipt: receipt, choice: normalised)
        // A vote carried over from this member's earlier code (they brought the old letter at a reissue).
        if let carried = try Row.fetchOne(db, sql: "SELECT sealed FROM carried_vote WHERE ballot_id = ? AND marker = ?", arguments: [id, marker]) {
            guard ballot.changeable, let data = carried[0] as Data?, let box = try? ChaChaPoly.SealedBox(combined: data),
                  let opened = try? ChaChaPoly.open(box, using: key), opened.count > 32 else { throw VoteRejection.alreadyVoted }
            let removed = try removeVote(db, ballot: id, receipt: String(decoding: opened.dropFirst(32), as: UTF8.self), secret: ballot.secret)
            let resealed = try ChaChaPoly.seal(Data(opened.prefix(32)) + Data(receipt.utf8), using: key).combined
            try db.execute(sql: "UPDATE carried_vote SET sealed = ? WHERE ballot_id = ? AND marker = ?", arguments: [resealed, id, marker])
            try db.cachedStatement(sql: "INSERT INTO vote (ballot_id, receipt, choice) VALUES (?, ?, ?)").execute(arguments: [id, receipt, normalised])
            try audit.append(actor: .system, action: "vote.replaced", payload: .object([
                "ballot": .int(id), "removed": .string(removed), "vote": .string(commitment)]))
            return receipt
        }
        let codeUse = VoteCommitment.codeUse(secret: ballot.secret, ballot: id, marker: [UInt8](marker), sealed: [UInt8](sealed))
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO code_vote (ballot_id, marker, sealed_receipt) VALUES (?, ?, ?)")
            .execute(arguments: [id, marker, sealed])
        if db.changesCount == 1 {
            try db.cachedStatement(sql: "INSERT INTO vote (ballot_id, receipt, choice) VALUES (?, ?, ?)").execute(arguments: [id, receipt, normalised])
            // The audit entry commits to the vote row and the code-use row (keyed: see VoteCommitment),
            // never to the member or the code.
            try audit.append(actor: .system, action: "vote.cast", payload: .object([
                "ballot": .int(id), "vote": .string(commitment), "code": .string(codeUse)]))
            return receipt
        }
        // This code voted before. Where the statute allows it, the new vote replaces the old one:
        // only the code opens the sealed receipt, so only the voter can find their old vote.
        guard ballot.changeable else { throw VoteRejection.alreadyVoted }
        guard let old = try Data.fetchOne(db, sql: "SELECT sealed_receipt FROM code_vote WHERE ballot_id = ? AND marker = ?", arguments: [id, marker]),
              let box = try? ChaChaPoly.SealedBox(combined: old), let opened = try? ChaChaPoly.open(box, using: key) else {
            throw VoteRejection.alreadyVoted   // a vote from before sealed receipts existed cannot be found again
        }
        let removed = try removeVote(db, ballot: id, receipt: String(decoding: opened, as: UTF8.self), secret: ballot.secret)
        try db.execute(sql: "UPDATE code_vote SET sealed_receipt = ? WHERE ballot_id = ? AND marker = ?", arguments: [sealed, id, marker])
        try db.cachedStatement(sql: "INSERT INTO vote (ballot_id, receipt, choice) VALUES (?, ?, ?)").execute(arguments: [id, receipt, normalised])
        try audit.append(actor: .system, action: "vote.replaced", payload: .object([
            "ballot": .int(id), "removed": .string(removed), "vote": .string(commitment),
            "codeBefore": .string(VoteCommitment.codeUse(secret: ballot.secret, ballot: id, marker: [UInt8](marker), sealed: [UInt8](old))),
            "code": .string(codeUse)]))
        return receipt
    }

    /// Deletes the vote under `receipt` (being replaced) and returns its commitment.
    private static func removeVote(_ db: Database, ballot id: Int, receipt: String, secret: [UInt8]) throws -> String {
        guard let choice = try String.fetchOne(db, sql: "SELECT choice FROM vote WHERE ballot_id = ? AND receipt = ?", arguments: [id, receipt]) else {
            throw VoteRejection.alreadyVoted
        }
        try db.execute(sql: "DELETE FROM vote WHERE ballot_id = ? AND receipt = ?", arguments: [id, receipt])
        return VoteCommitment.vote(secret: secret, ballot: id, receipt: receipt, choice: choice)
    }

    /// The public bulletin board of a closed ballot: every receipt, and every choice as a separate
    /// list (see `PublicBoard`).
    public func ballotBoard(_ id: Int) throws -> PublicBoard {
        try writer.read { db in
            let ballot = try Self.ballot(db, id)
            guard !ballot.isOpen else { throw StoreError("the board of ballot \(id) is published when it closes") }
            return PublicBoard(ballot: id,
                               receipts: try String.fetchAll(db, sql: "SELECT receipt FROM vote WHERE ballot_id = ? ORDER BY receipt", arguments: [id]),
                               choices: try String.fetchAll(db, sql: "SELECT choice FROM vote WHERE ballot_id = ? ORDER BY choice", arguments: [id]))
        }
    }

    /// The choice stored under a receipt, read back for the voter right after casting (the
    /// receipt page shows it, so the voter sees what was recorded before leaving the page).
    public func recordedChoice(ballot id: Int, receipt: String) throws -> String? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT choice FROM vote WHERE ballot_id = ? AND receipt = ?", arguments: [id, receipt])
        }
    }

    /// Recounts a closed ballot from its public board; true when it gives the official result.
    public func recount(_ id: Int) throws -> (matches: Bool, recount: JSONValue) {
        try writer.read { db in
            let ballot = try Self.ballot(db, id)
            guard let official = ballot.result else { throw StoreError("ballot \(id) has no result yet") }
            let proposal = try Self.proposal(db, ballot.proposal)
            let assembly = try Self.assembly(db, proposal.assembly)
            let (statute, _) = try Self.statute(db, on: assembly.date)
            guard let kind = statute.decisionKind(named: proposal.kind) else { throw StoreError("unknown decision kind") }
            let choices = try String.fetchAll(db, sql: "SELECT choice FROM vote WHERE ballot_id = ? ORDER BY choice", arguments: [id])
            // Judged as at the close: the quorum and presence it recorded, a second meeting or round.
            guard let stored = JSONValue.parse(official) else { throw StoreError("ballot \(id) has a stored result that cannot be read") }
            let roundOf = try Int.fetchOne(db, sql: "SELECT round_of FROM ballot WHERE id = ?", arguments: [id])
            let recount = BallotCounting.count(choices, method: ballot.method, options: ballot.options, seats: ballot.seats, budget: ballot.budget,
                                               kind: kind, attendance: try Self.attendance(db, assembly.id), electorate: try Self.electorate(db, assembly.id).count,
                                               secondMeeting: Self.decidedWithoutQuorum(proposal, at: assembly), secondRound: roundOf != nil,
                                               closedWith: BallotCounting.closedWith(stored))
            let same = ["elected", "outcome", "yes", "no", "blank"].allSatisfy { recount[$0] == stored[$0] }
            return (same, recount)
        }
    }

    static func secret(_ db: Database, assembly id: Int) throws -> [UInt8] {
        if let data = try Data.fetchOne(db, sql: "SELECT secret FROM assembly_secret WHERE assembly_id = ?", arguments: [id]) { return [UInt8](data) }
        var random = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }
        try db.execute(sql: "INSERT INTO assembly_secret (assembly_id, secret) VALUES (?, ?)", arguments: [id, Data(secret)])
        return secret
    }
}

/// The public board of a closed ballot, receipt-free: the receipts (each voter finds theirs: proof
/// that their vote is in the count) and the choices as a separate list sorted by choice (anyone
/// can recount it). No choice stands beside a receipt, so a receipt proves nothing to a neighbour
/// or a buyer; the voter saw their recorded choice privately, on their own phone, when they voted.
public struct PublicBoard: Sendable, Hashable {
    public var ballot: Int
    /// Every receipt, sorted.
    public var receipts: [String]
    /// Every counted choice in the store's canonical form (paper votes too), sorted.
    public var choices: [String]
}

/// A new code from the desk, and what it cannot do.
public struct ReissuedCode: Sendable, Hashable {
    public var code: VotingCode
    /// Open ballots the new code cannot vote on: they opened while the old code could vote, and the
    /// old code was not shown. (Never says whether the old code did vote.)
    public var unavailableBallots: [Int]
    /// How many ballots' votes were carried over from the old code, when it was shown.
    public var carriedOver: Int?
}

/// Writes votes in batches: every vote waiting when a write starts goes into one transaction
/// (group commit), and each is acknowledged only after that transaction has committed
/// (`synchronous=FULL`). A rejected vote fails alone; the others in its batch are written.
public actor VoteWriter {
    private let database: AppDatabase
    private var pending: [(code: VotingCode, ballot: Int, choice: String, reply: CheckedContinuation<String, any Error>)] = []
    private var writing = false

    public init(database: AppDatabase) { self.database = database }

    /// Casts a vote; returns its receipt once it is durable.
    public func cast(code: VotingCode, ballot: Int, choice: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            pending.append((code, ballot, choice, continuation))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            let requests = batch.map { (code: $0.code, ballot: $0.ballot, choice: $0.choice) }
            let outcome: Result<[Result<String, any Error>], any Error>
            do {
                let moment = database.clock.now()
                outcome = .success(try await database.writer.write { db in
                    // One audit appender for the batch; each vote in its own savepoint, so a
                    // rejected one leaves nothing behind (and the appender is put back as it was).
                    var audit = try AuditAppender(db, at: moment)
                    var ballots = AppDatabase.BallotsForVoting()
                    let results = requests.map { request -> Result<String, any Error> in
                        let before = audit
                        var receipt = ""
                        do {
                            try db.inSavepoint {
                                receipt = try AppDatabase.castVote(db, code: request.code, ballot: request.ballot, choice: request.choice,
                                                                   ballots: &ballots, audit: &audit)
                                return .commit
                            }
                            return .success(receipt)
                        } catch {
                            audit = before
                            return .failure(error)
                        }
                    }
                    try audit.finish(db)
                    return results
                })
            } catch {
                outcome = .failure(error)
            }
            switch outcome {
            case .success(let results):
                for (entry, result) in zip(batch, results) { entry.reply.resume(with: result) }
            case .failure(let error):
                for entry in batch { entry.reply.resume(throwing: error) }
            }
        }
        writing = false
    }
}

/// Turnout of an assembly, for the projector and the API: no choices, only counts.
public struct Turnout: Sendable, Hashable {
    public var assembly: Int
    public var electorate: Int
    public var present: Int
    public var represented: Int
    public var quorum: QuorumStatus
    /// Votes cast so far on each ballot of the assembly (ballot id, proposal title, open, count).
    public var ballots: [(id: Int, title: String, open: Bool, votes: Int)]

    public static func == (lhs: Turnout, rhs: Turnout) -> Bool {
        lhs.assembly == rhs.assembly && lhs.present == rhs.present && lhs.ballots.map(\.votes) == rhs.ballots.map(\.votes)
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(assembly) }
}

extension AppDatabase {
    /// Which called or open assembly a code belongs to, its member, its state and the first ballot
    /// it may vote on (nil: every ballot); nil for an unknown code.
    public func findCode(_ code: VotingCode) throws -> (assembly: Int, member: ResidentID, state: String, firstBallot: Int?)? {
        try writer.read { db in
            for id in try Int.fetchAll(db, sql: "SELECT assembly_id FROM assembly_secret JOIN assembly ON assembly.id = assembly_id WHERE assembly.state IN ('called', 'open')") {
                let secret = [UInt8](try Data.fetchOne(db, sql: "SELECT secret FROM assembly_secret WHERE assembly_id = ?", arguments: [id]) ?? Data())
                let hash = Data(code.keyedHash(secret: secret).bytes)
                if let row = try Row.fetchOne(db, sql: "SELECT resident_id, state, first_ballot FROM voting_code WHERE code_hash = ? AND assembly_id = ?",
                                              arguments: [hash, id]) {
                    return (id, ResidentID(row[0] as String), row[1], row[2])
                }
            }
            return nil
        }
    }

    /// Whether this code has voted on this ballot.
    public func hasVoted(_ code: VotingCode, ballot id: Int) throws -> Bool {
        try writer.read { db in
            guard let assembly = try Int.fetchOne(db, sql: "SELECT proposal.assembly_id FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id WHERE ballot.id = ?",
                                                  arguments: [id]) else { return false }
            let marker = Data(code.ballotMarker(secret: try Self.secret(db, assembly: assembly), ballot: id).bytes)
            return try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM code_vote WHERE ballot_id = ?1 AND marker = ?2) + (SELECT COUNT(*) FROM carried_vote WHERE ballot_id = ?1 AND marker = ?2)
                """, arguments: [id, marker]) == 1
        }
    }

    /// The ids of the assembly's open ballots.
    public func openBallots(assembly id: Int) throws -> [Int] {
        try writer.read { db in
            try Int.fetchAll(db, sql: """
                SELECT ballot.id FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id
                WHERE proposal.assembly_id = ? AND ballot.state = 'open' ORDER BY ballot.id
                """, arguments: [id])
        }
    }

    /// Whether the statute lets a member replace their vote on this ballot until it closes.
    public func votesMayBeChanged(ballot id: Int) throws -> Bool {
        try writer.read { db in
            var ballots = BallotsForVoting()
            return try ballots.ballot(db, id).changeable
        }
    }

    /// The title of a ballot's proposal.
    public func ballotTitle(_ id: Int) throws -> String {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT proposal.title FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id WHERE ballot.id = ?", arguments: [id]) ?? ""
        }
    }

    /// Attendance, quorum and the number of votes on each ballot of an assembly.
    public func turnout(assembly id: Int) throws -> Turnout {
        try writer.read { db in
            let assembly = try Self.assembly(db, id)
            let (statute, _) = try Self.statute(db, on: assembly.date)
            let attendance = try Self.attendance(db, id)
            let electorate = try Self.electorate(db, id).count
            let ballots = try Row.fetchAll(db, sql: """
                SELECT ballot.id, proposal.title, ballot.state, (SELECT COUNT(*) FROM vote WHERE vote.ballot_id = ballot.id)
                FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id WHERE proposal.assembly_id = ? ORDER BY ballot.id
                """, arguments: [id]).map { (id: $0[0] as Int, title: $0[1] as String, open: ($0[2] as String) == "open", votes: $0[3] as Int) }
            return Turnout(assembly: id, electorate: electorate, present: attendance.present.count, represented: attendance.represented,
                           quorum: QuorumStatus.check(statute.quorum, attendance: attendance, electorate: electorate), ballots: ballots)
        }
    }
}

import BuurtstemCore
import Foundation
import GRDB

/// Checks the ballots, the votes and the code uses against what the audit log says about them:
/// every `vote.cast`, `vote.replaced` and `votes.entered` entry commits to its vote rows (and a
/// code use), `ballot.opened` records the ballot's set-up and `ballot.closed` its result. A row
/// changed, added or deleted behind the store's back no longer matches (`audit verify`, `ballot
/// verify`). Entries written before these commitments existed carry none; a ballot none of whose
/// vote entries carries one is checked by counts only, but one entry without a commitment in a
/// ballot whose other entries have them is an error, and so is any purged entry about a ballot
/// (ballot entries are never purged).
struct BallotLogCheck {
    /// What a ballot-related entry says, read as its type (absent fields are nil; for `seats` and
    /// `budget` whether the key was written at all, since old entries lack it).
    struct Entry: Decodable {
        var ballot: Int?
        var vote: String?, code: String?, removed: String?, codeBefore: String?
        var votes: [String]?
        var proposal: Int?, method: String?, optionsJSON: String?, options: [String]?
        var seats: Int?, budget: Int?, roundOf: Int?
        /// Whether its votes may be changed (ballots opened since v14; nil before).
        var changeable: Bool?
        var hasSeats = false, hasBudget = false

        enum CodingKeys: String, CodingKey {
            case ballot, vote, code, removed, codeBefore, votes, proposal, method, optionsJSON, options, seats, budget, roundOf, changeable
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            ballot = try c.decodeIfPresent(Int.self, forKey: .ballot)
            vote = try c.decodeIfPresent(String.self, forKey: .vote)
            code = try c.decodeIfPresent(String.self, forKey: .code)
            removed = try c.decodeIfPresent(String.self, forKey: .removed)
            codeBefore = try c.decodeIfPresent(String.self, forKey: .codeBefore)
            votes = try? c.decodeIfPresent([String].self, forKey: .votes)
            proposal = try c.decodeIfPresent(Int.self, forKey: .proposal)
            method = try c.decodeIfPresent(String.self, forKey: .method)
            optionsJSON = try c.decodeIfPresent(String.self, forKey: .optionsJSON)
            options = try? c.decodeIfPresent([String].self, forKey: .options)
            seats = try c.decodeIfPresent(Int.self, forKey: .seats)
            budget = try c.decodeIfPresent(Int.self, forKey: .budget)
            roundOf = try c.decodeIfPresent(Int.self, forKey: .roundOf)
            changeable = try c.decodeIfPresent(Bool.self, forKey: .changeable)
            hasSeats = c.contains(.seats)
            hasBudget = c.contains(.budget)
        }
    }

    /// The ballot-related entries, as stored (raw payload text and what it says).
    private(set) var entries: [(seq: Int, action: String, raw: String, entry: Entry)] = []
    /// Ballot entries whose payload claims to be purged: (seq, action, the ballot it names if any).
    private(set) var purged: [(seq: Int, action: String, ballot: Int?)] = []

    static let actions: Set<String> = ["vote.cast", "vote.replaced", "votes.entered", "ballot.opened", "ballot.closed", "ballot.chair-decided"]

    /// Adds an entry if it concerns ballots (cheap for the others: one byte and one set lookup).
    mutating func consider(seq: Int, action: String, payload: String) {
        guard let first = action.utf8.first, first == UInt8(ascii: "v") || first == UInt8(ascii: "b"), Self.actions.contains(action) else { return }
        let entry = try? Self.decoder.decode(Entry.self, from: Data(payload.utf8))
        if PurgedPayload.claims(payload.utf8) {
            purged.append((seq, action, entry?.ballot))
            return
        }
        guard let entry else { return }
        entries.append((seq, action, payload, entry))
    }

    private static let decoder = JSONDecoder()

    /// Reads the ballot entries from the log.
    static func load(_ db: Database) throws -> BallotLogCheck {
        var check = BallotLogCheck()
        for row in try Row.fetchAll(
            db,
            sql:
                "SELECT seq, action, payload FROM audit_entry WHERE action IN ('vote.cast', 'vote.replaced', 'votes.entered', 'ballot.opened', 'ballot.closed', 'ballot.chair-decided') ORDER BY seq"
        ) {
            check.consider(seq: row[0], action: row[1], payload: row[2])
        }
        return check
    }

    /// Per ballot, what does not match the log (empty: all matches).
    func problems(_ db: Database) throws -> [Int: [String]] {
        var opened: [Int: Entry] = [:]
        var closed: [Int: String] = [:]
        var votes: [Int: [String: Int]] = [:]
        var codes: [Int: [String: Int]] = [:]
        // Vote entries without a commitment (entries written before commitments existed), and ballots with any that has one.
        var uncommittedVotes: [Int: [Int]] = [:]
        var uncommittedCodes: [Int: [Int]] = [:]
        var committedVotes: Set<Int> = []
        var committedCodes: Set<Int> = []
        func add(_ map: inout [Int: [String: Int]], _ ballot: Int, _ key: String?, _ delta: Int) -> Bool {
            guard let key else { return false }
            map[ballot, default: [:]][key, default: 0] += delta
            return true
        }
        func note(_ committed: Bool, _ seq: Int, _ ballot: Int, _ yes: inout Set<Int>, _ no: inout [Int: [Int]]) {
            if committed { yes.insert(ballot) } else { no[ballot, default: []].append(seq) }
        }
        for (seq, action, raw, entry) in entries {
            guard let ballot = entry.ballot else { continue }
            switch action {
            case "ballot.opened": opened[ballot] = entry
            // The chair's decision after a tie completes the result: its entry is the result as stored from then on.
            case "ballot.closed", "ballot.chair-decided": closed[ballot] = raw
            case "vote.cast":
                note(add(&votes, ballot, entry.vote, 1), seq, ballot, &committedVotes, &uncommittedVotes)
                note(add(&codes, ballot, entry.code, 1), seq, ballot, &committedCodes, &uncommittedCodes)
            case "vote.replaced":
                note(add(&votes, ballot, entry.vote, 1) && add(&votes, ballot, entry.removed, -1), seq, ballot, &committedVotes, &uncommittedVotes)
                if entry.codeBefore != nil {
                    _ = add(&codes, ballot, entry.code, 1)
                    _ = add(&codes, ballot, entry.codeBefore, -1)
                }
            case "votes.entered":
                note(entry.votes != nil, seq, ballot, &committedVotes, &uncommittedVotes)
                for commitment in entry.votes ?? [] { _ = add(&votes, ballot, commitment, 1) }
            default: break
            }
        }
        // Checked by counts only: ballots none of whose vote entries carries a commitment.
        let legacyVotes = Set(uncommittedVotes.keys).subtracting(committedVotes)
        let legacyCodes = Set(uncommittedCodes.keys).subtracting(committedCodes)
        var problems: [Int: [String]] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT ballot.id, ballot.proposal_id, ballot.method, ballot.options, ballot.seats, ballot.budget, ballot.state, ballot.result, proposal.assembly_id,
                       ballot.round_of, ballot.votes_changeable
                FROM ballot LEFT JOIN proposal ON proposal.id = ballot.proposal_id ORDER BY ballot.id
                """)
        var secrets: [Int: [UInt8]] = [:]
        for row in rows {
            let id: Int = row[0]
            var wrong: [String] = []
            if let entry = opened[id] {
                if entry.proposal != row[1] as Int? { wrong.append("its proposal differs from the ballot.opened entry") }
                if entry.method != row[2] as String? { wrong.append("its method differs from the ballot.opened entry") }
                if let options = entry.optionsJSON {
                    if options != row[3] as String? { wrong.append("its options differ from the ballot.opened entry") }
                } else if let ids = entry.options,
                    let stored = try? JSONDecoder().decode([BallotOption].self, from: Data(((row[3] as String?) ?? "").utf8)), stored.map(\.id) != ids
                {
                    wrong.append("its options differ from the ballot.opened entry")
                }
                if entry.hasSeats, entry.seats != (row[4] as Int?) { wrong.append("its seats differ from the ballot.opened entry") }
                if entry.hasBudget, entry.budget != (row[5] as Int?) { wrong.append("its budget differs from the ballot.opened entry") }
                if entry.roundOf != (row[9] as Int?) { wrong.append("its round differs from the ballot.opened entry") }
                if entry.changeable != (row[10] as Bool?) { wrong.append("whether its votes may be changed differs from the ballot.opened entry") }
            } else {
                wrong.append("the log has no ballot.opened entry for it")
            }
            let state: String? = row[6]
            if let result = closed[id] {
                if state != "closed" { wrong.append("the log closed it, the table says \(state ?? "nothing")") }
                if (row[7] as String?) != result { wrong.append("its stored result differs from the ballot.closed entry") }
            } else if state != "open" || (row[7] as String?) != nil {
                wrong.append("the table says \(state ?? "nothing") with a result, the log never closed it")
            }
            if let assembly = row[8] as Int? {
                if secrets[assembly] == nil {
                    secrets[assembly] =
                        (try Data.fetchOne(db, sql: "SELECT secret FROM assembly_secret WHERE assembly_id = ?", arguments: [assembly])).map { [UInt8]($0) }
                        ?? []
                }
                let secret = secrets[assembly] ?? []
                if !legacyVotes.contains(id), !secret.isEmpty {
                    var actual: [String: Int] = [:]
                    for vote in try Row.fetchAll(db, sql: "SELECT receipt, choice FROM vote WHERE ballot_id = ?", arguments: [id]) {
                        actual[VoteCommitment.vote(secret: secret, ballot: id, receipt: vote[0], choice: vote[1]), default: 0] += 1
                    }
                    if actual != (votes[id] ?? [:]).filter({ $0.value != 0 }) { wrong.append("its votes differ from what the log committed to") }
                }
                if !legacyCodes.contains(id), !secret.isEmpty {
                    var actual: [String: Int] = [:]
                    for use in try Row.fetchAll(db, sql: "SELECT marker, sealed_receipt FROM code_vote WHERE ballot_id = ?", arguments: [id]) {
                        let marker: Data = use[0]
                        let sealed: Data? = use[1]
                        actual[VoteCommitment.codeUse(secret: secret, ballot: id, marker: [UInt8](marker), sealed: sealed.map { [UInt8]($0) }), default: 0] += 1
                    }
                    if actual != (codes[id] ?? [:]).filter({ $0.value != 0 }) { wrong.append("the codes marked as used differ from what the log committed to") }
                }
            } else {
                wrong.append("its proposal does not exist")
            }
            for seq in committedVotes.contains(id) ? uncommittedVotes[id] ?? [] : [] {
                wrong.append("entry \(seq) carries no commitment to its vote, while the ballot's other entries do: it was changed")
            }
            for seq in committedCodes.contains(id) ? uncommittedCodes[id] ?? [] : [] where !(uncommittedVotes[id] ?? []).contains(seq) {
                wrong.append("entry \(seq) carries no commitment to its code use, while the ballot's other entries do: it was changed")
            }
            // Entries about a ballot are never purged; one that names no ballot any more may have been about any.
            for (seq, action, ballot) in purged where ballot == nil || ballot == id {
                wrong.append("entry \(seq) (\(action)) has a purged payload, but entries about a ballot are never purged: it was changed")
            }
            if !wrong.isEmpty { problems[id] = wrong }
        }
        for id in Set(opened.keys).subtracting(rows.map { $0[0] as Int }) { problems[id] = ["the log opened it, the table has no such ballot"] }
        return problems
    }
}

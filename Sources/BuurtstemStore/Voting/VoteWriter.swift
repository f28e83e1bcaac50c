public import BuurtstemCore
import Crypto
import Foundation
public import GRDB
public import Statuut
import Synchronization

/// Writes votes in batches: every vote waiting when a write starts goes into one transaction
/// (group commit), and each is acknowledged only after that transaction has committed
/// (`synchronous=FULL`). A rejected vote fails alone; the others in its batch are written.
public actor VoteWriter {
    private let database: AppDatabase
    private var pending: [(code: VotingCode, ballot: BallotID, choice: String, reply: CheckedContinuation<CastVote, any Error>)] = []
    private var writing = false

    public init(database: AppDatabase) { self.database = database }

    /// Casts a vote; once it is durable, returns what the transaction did (`CastVote`: the receipt,
    /// the choice as stored, whether it replaced an earlier vote).
    public func cast(code: VotingCode, ballot: BallotID, choice: String) async throws -> CastVote {
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
            let outcome: Result<[Result<CastVote, any Error>], any Error>
            // A full disk inside one vote's savepoint makes SQLite roll back the whole transaction:
            // the batch then fails as a whole ("aborted"), and every vote in it is refused as storage-full.
            let storageFailed = Mutex(false)
            do {
                let moment = database.clock.now()
                outcome = .success(
                    try await database.writer.write { db in
                        // One audit appender for the batch; each vote in its own savepoint, so a
                        // rejected one leaves nothing behind (and the appender is put back as it was).
                        var audit = try AuditAppender(db, at: moment)
                        var ballots = AppDatabase.BallotsForVoting()
                        let results = requests.map { request -> Result<CastVote, any Error> in
                            let before = audit
                            var receipt: CastVote?
                            do {
                                try db.inSavepoint {
                                    receipt = try AppDatabase.castVote(
                                        db, code: request.code, ballot: request.ballot, choice: request.choice,
                                        ballots: &ballots, audit: &audit)
                                    return .commit
                                }
                                guard let receipt else { throw VoteRejection.noSuchBallot }
                                return .success(receipt)
                            } catch {
                                audit = before
                                if case .storageFull? = VoteRejection.storage(error) as? VoteRejection { storageFailed.withLock { $0 = true } }
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
                for (entry, result) in zip(batch, results) { entry.reply.resume(with: result.mapError(VoteRejection.storage)) }
            case .failure(let error):
                let refusal = storageFailed.withLock { $0 } ? VoteRejection.storageFull : VoteRejection.storage(error)
                for entry in batch { entry.reply.resume(throwing: refusal) }
            }
        }
        writing = false
    }
}

import BuurtstemCore
import BuurtstemStore
import Foundation
public import Hummingbird
import NIOCore
import Statuut

/// The JSON API (`docs/api.md`, `docs/openapi.yaml`). Errors are `{"error": {"id", "message"}}`.
struct API: Sendable {
    let database: AppDatabase
    let writer: VoteWriter
    let limiter: AttemptLimiter
    let telemetry: Telemetry

    func register(on router: Router<WebContext>) {
        router.post("api/v1/votes") { request, context in try await self.vote(request, context) }
        // Every read runs on the pages lane (`Lane`): no request thread waits on SQLite.
        router.get("api/v1/ballots/:id") { _, context in
            let id: BallotID = try context.id("id")
            return try await Lane.pages.run { try self.ballot(id) }
        }
        router.get("api/v1/ballots/:id/result") { _, context in
            let id: BallotID = try context.id("id")
            return try await Lane.pages.run { try self.result(id) }
        }
        router.get("api/v1/ballots/:id/board") { _, context in
            let id: BallotID = try context.id("id")
            return try await Lane.pages.run { try self.board(id) }
        }
        router.get("api/v1/assemblies/:id/turnout") { _, context in
            let id: AssemblyID = try context.id("id")
            return try await Lane.pages.run { try self.turnout(id) }
        }
        router.get("api/v1/audit/head") { _, _ in
            let database = self.database
            return AuditHeadBody(try await Lane.pages.run { try database.auditHead() })
        }
    }

    struct VoteRequest: Decodable {
        var code: String
        var ballot: BallotID
        var choice: String
    }

    func vote(_ request: Request, _ context: WebContext) async throws -> Response {
        let body: VoteRequest
        var request = request
        let bytes: ByteBuffer
        do { bytes = try await request.collectBody(upTo: context.maxUploadSize) } catch is NIOTooManyBytesError {
            telemetry.voteRefused("too-large")
            throw APIError(.contentTooLarge, id: "too-large", message: "a vote is a few hundred bytes; this request is over \(context.maxUploadSize) bytes")
        } catch {
            // The body never arrived whole: the client went away, or was closed for being too slow.
            telemetry.voteRefused("incomplete")
            throw APIError(.requestTimeout, id: "incomplete", message: "the request's body did not arrive whole in time")
        }
        do { body = try JSONDecoder().decode(VoteRequest.self, from: Data(bytes.readableBytesView)) } catch {
            telemetry.voteRefused("bad-request")
            throw APIError(.badRequest, id: "bad-request", message: "expected {\"code\", \"ballot\", \"choice\"}")
        }
        let code: VotingCode
        do { code = try VotingCode(parsing: body.code) } catch {
            telemetry.voteRefused("typo")
            throw APIError(.badRequest, id: "typo", message: error.description)
        }
        // A throttled client (every phone on the venue's Wi-Fi shares one address) still votes
        // with a real code: only an unknown code is refused for the wait.
        let wait = await limiter.wait(context.client)
        if wait > 0, try await database.onPages({ try $0.findCode(code) }) == nil {
            await limiter.fail(context.client)
            telemetry.rateLimited("code")
            telemetry.voteRefused("rate-limited")
            var response = try APIError(.tooManyRequests, id: "rate-limited", message: "too many wrong codes; try again in \(wait) seconds")
                .response(from: request, context: context)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        do {
            let cast = try await writer.cast(code: code, ballot: body.ballot, choice: body.choice)
            telemetry.voteAccepted()
            return json(["receipt": .string(cast.receipt)], status: .created)
        } catch let rejection as VoteRejection {
            if rejection.countsAsFailedAttempt { await limiter.fail(context.client) }
            telemetry.voteRefused(rejection.id)
            throw APIError(Explained.rejection(rejection).status, id: rejection.id, message: rejection.description)
        }
    }

    func ballot(_ id: BallotID) throws -> BallotBody {
        BallotBody(try record(id), title: try database.ballotTitle(id))
    }

    func result(_ id: BallotID) throws -> Response {
        let ballot = try record(id)
        guard let result = ballot.result else { throw APIError(.conflict, id: "ballot-open", message: "the result is published when the ballot closes") }
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: .init(string: result)))
    }

    func board(_ id: BallotID) throws -> BoardBody {
        _ = try record(id)
        do { return BoardBody(try database.ballotBoard(id)) } catch is StoreError {
            throw APIError(.conflict, id: "ballot-open", message: "the board is published when the ballot closes")
        }
    }

    func turnout(_ id: AssemblyID) throws -> TurnoutBody {
        do { return TurnoutBody(try database.turnout(assembly: id)) } catch let error as StoreError where error.isNotFound {
            throw APIError(.notFound, id: "no-such-assembly", message: "there is no assembly \(id)")
        }
    }

    private func record(_ id: BallotID) throws -> BallotRecord {
        do { return try database.ballot(id) } catch let error as StoreError where error.isNotFound {
            throw APIError(.notFound, id: "no-such-ballot", message: "there is no ballot \(id)")
        }
    }
}

/// A JSON response in Buurtstem's canonical encoding.
func json(_ members: [String: JSONValue], status: HTTPResponse.Status = .ok) -> Response {
    Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: .init(string: JSONText.object(members))))
}

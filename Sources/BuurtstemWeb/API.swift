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

    func register(on router: Router<WebContext>) {
        router.get("healthz") { _, _ in json(["status": .string("ok")]) }
        router.post("api/v1/votes") { request, context in try await self.vote(request, context) }
        router.get("api/v1/ballots/:id") { _, context in try self.ballot(try context.id("id")) }
        router.get("api/v1/ballots/:id/result") { _, context in try self.result(try context.id("id")) }
        router.get("api/v1/ballots/:id/board") { _, context in try self.board(try context.id("id")) }
        router.get("api/v1/assemblies/:id/turnout") { _, context in try self.turnout(try context.id("id")) }
        router.get("api/v1/audit/head") { _, _ in
            let head = try self.database.auditHead()
            return json(["size": .int(head.size), "root": .string(head.root.description)])
        }
    }

    struct VoteRequest: Decodable {
        var code: String
        var ballot: Int
        var choice: String
    }

    func vote(_ request: Request, _ context: WebContext) async throws -> Response {
        let body: VoteRequest
        var request = request
        let bytes: ByteBuffer
        do { bytes = try await request.collectBody(upTo: context.maxUploadSize) } catch {
            throw APIError(.contentTooLarge, id: "too-large", message: "a vote is a few hundred bytes; this request is over \(context.maxUploadSize) bytes")
        }
        do { body = try JSONDecoder().decode(VoteRequest.self, from: Data(bytes.readableBytesView)) } catch {
            throw APIError(.badRequest, id: "bad-request", message: "expected {\"code\", \"ballot\", \"choice\"}")
        }
        let code: VotingCode
        do { code = try VotingCode(parsing: body.code) } catch {
            throw APIError(.badRequest, id: "typo", message: error.description)
        }
        // A throttled client (every phone on the venue's Wi-Fi shares one address) still votes
        // with a real code: only an unknown code is refused for the wait.
        let wait = await limiter.wait(context.client)
        if wait > 0, try database.findCode(code) == nil {
            await limiter.fail(context.client)
            var response = try APIError(.tooManyRequests, id: "rate-limited", message: "too many wrong codes; try again in \(wait) seconds")
                .response(from: request, context: context)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        do {
            let receipt = try await writer.cast(code: code, ballot: body.ballot, choice: body.choice)
            return json(["receipt": .string(receipt)], status: .created)
        } catch let rejection as VoteRejection {
            if rejection.countsAsFailedAttempt { await limiter.fail(context.client) }
            throw APIError(Explained.rejection(rejection).status, id: rejection.id, message: rejection.description)
        }
    }

    func ballot(_ id: Int) throws -> Response {
        let ballot = try record(id)
        return json([
            "id": .int(ballot.id), "proposal": .int(ballot.proposal), "title": .string(try database.ballotTitle(id)),
            "method": .string(ballot.method.rawValue), "state": .string(ballot.isOpen ? "open" : "closed"),
            "seats": ballot.seats.map(JSONValue.int) ?? .null, "budget": ballot.budget.map(JSONValue.int) ?? .null,
            "options": .array(ballot.options.map { .object(["id": .string($0.id), "name": .string($0.name), "cost": $0.cost.map(JSONValue.int) ?? .null]) }),
        ])
    }

    func result(_ id: Int) throws -> Response {
        let ballot = try record(id)
        guard let result = ballot.result else { throw APIError(.conflict, id: "ballot-open", message: "the result is published when the ballot closes") }
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: .init(string: result)))
    }

    func board(_ id: Int) throws -> Response {
        _ = try record(id)
        do {
            let board = try database.ballotBoard(id)
            return json([
                "ballot": .int(id), "receipts": .array(board.receipts.map(JSONValue.string)), "choices": .array(board.choices.map { .string($0.stored) }),
            ])
        } catch is StoreError {
            throw APIError(.conflict, id: "ballot-open", message: "the board is published when the ballot closes")
        }
    }

    func turnout(_ id: Int) throws -> Response {
        let turnout: Turnout
        do { turnout = try database.turnout(assembly: id) } catch let error as StoreError where error.isNotFound {
            throw APIError(.notFound, id: "no-such-assembly", message: "there is no assembly \(id)")
        }
        return json([
            "assembly": .int(id), "electorate": .int(turnout.electorate), "present": .int(turnout.present), "represented": .int(turnout.represented),
            "quorum": .object(["met": .bool(turnout.quorum.met), "counted": .int(turnout.quorum.counted), "needed": .int(turnout.quorum.needed)]),
            "ballots": .array(
                turnout.ballots.map { .object(["id": .int($0.id), "title": .string($0.title), "open": .bool($0.open), "votes": .int($0.votes)]) }),
        ])
    }

    private func record(_ id: Int) throws -> BallotRecord {
        do { return try database.ballot(id) } catch let error as StoreError where error.isNotFound {
            throw APIError(.notFound, id: "no-such-ballot", message: "there is no ballot \(id)")
        }
    }
}

/// A JSON response in Buurtstem's canonical encoding.
func json(_ members: [String: JSONValue], status: HTTPResponse.Status = .ok) -> Response {
    Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: .init(string: JSONText.object(members))))
}

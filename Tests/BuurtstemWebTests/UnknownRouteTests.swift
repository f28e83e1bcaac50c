import BuurtstemCore
import BuurtstemStore
import BuurtstemWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Statuut
import Testing

/// Every route with an id, walked with an id that names nothing: a page (or JSON) with the security
/// headers, never an empty 500.
@Suite("Unknown ids and methods")
struct UnknownRouteTests {
    @Test("every route with an unknown or non-numeric id answers 404 (or refuses with a reason), with the headers and a body", arguments: ["999", "abc", "-1"])
    func unknownIDs(_ id: String) async throws {
        let (_, codes, _, _, app) = try StaffTests.evening()
        try await app.test(.router) { client in
            var voter = Browser()
            #expect(try await voter.post(client, "/stem", [("code", codes[ResidentID("R1")]!.description)], csrf: false).status == .seeOther)
            var board = Browser()
            try await board.signIn(client, "fatima", "bankjes op het plein")
            try await board.get(client, "/bestuur")
            func check(_ response: TestResponse, _ route: String, allowed: [HTTPResponse.Status] = [.notFound]) {
                #expect(allowed.contains(response.status), "\(route): \(response.status)")
                #expect(response.headers[.contentSecurityPolicy] != nil, "\(route): no security headers")
                #expect(response.body.readableBytes > 0, "\(route): empty body")
            }
            for route in [
                "/stemmen/\(id)", "/ballots/\(id)/board", "/projector/\(id)", "/api/v1/ballots/\(id)", "/api/v1/ballots/\(id)/result",
                "/api/v1/ballots/\(id)/board", "/api/v1/assemblies/\(id)/turnout",
            ] {
                check(try await voter.get(client, route), "GET \(route)")
            }
            for route in ["/stemmen/\(id)", "/stemmen/\(id)/bevestig"] {
                check(try await voter.post(client, route, [("choice", "yes")], csrf: false), "POST \(route)")
            }
            for route in ["/bestuur/notulen/\(id)", "/bestuur/vergaderingen/\(id)", "/balie/\(id)"] {
                check(try await board.get(client, route), "GET \(route)")
            }
            for route in [
                "/bestuur/vergaderingen/\(id)/openen", "/bestuur/vergaderingen/\(id)/voorstellen", "/bestuur/voorstellen/\(id)/toelaten",
                "/balie/\(id)/aanwezig", "/balie/\(id)/code", "/balie/\(id)/volmacht",
            ] {
                check(try await board.post(client, route, [("member", "R1"), ("title", "x")]), "POST \(route)", allowed: [.notFound, .badRequest, .conflict])
            }
        }
    }

    @Test("the API answers 405 with Allow for a method it does not take")
    func methods() async throws {
        let (db, _, ballot) = try WebTests.setUp()
        let app = BuurtstemServer.application(database: db)
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/votes", method: .get) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "POST")
            }
            try await client.execute(uri: "/api/v1/ballots/\(ballot)", method: .delete) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "GET, HEAD")
            }
            try await client.execute(uri: "/api/v1/audit/head", method: .post, headers: WebTests.jsonHeaders) { #expect($0.status == .methodNotAllowed) }
        }
    }
}

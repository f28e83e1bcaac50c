import BuurtstemCore
import BuurtstemStore
import BuurtstemWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The small holes found beside the large ones (issue 25): each closed, each tested.
@Suite("Web: small holes closed")
struct SmallHolesTests {
    @Test("signing in again ends the browser's older staff session")
    func signInAgainEndsOlderSession() async throws {
        let (_, _, _, _, app) = try StaffTests.evening()
        try await app.test(.router) { client in
            var browser = Browser()
            try await browser.signIn(client, "balie1", "koffie en koekjes")
            let older = browser.cookies
            #expect(try await browser.get(client, "/balie").status == .ok)
            try await browser.signIn(client, "fatima", "bankjes op het plein")
            #expect(browser.cookies != older)
            // The older session's cookie, kept elsewhere, no longer opens a page.
            var copy = Browser()
            copy.cookies = older
            let response = try await copy.get(client, "/balie")
            #expect(response.status == .seeOther && response.headers[.location] == "/inloggen")
            #expect(try await browser.get(client, "/bestuur").status == .ok)
        }
    }

    @Test("a staff form without its one-time token is refused and changes nothing")
    func formWithoutOnceRefused() async throws {
        let (db, _, _, _, app) = try StaffTests.evening()
        try await app.test(.router) { client in
            var desk = Browser()
            try await desk.signIn(client, "balie1", "koffie en koekjes")
            _ = try await desk.get(client, "/balie/1")
            let before = try db.auditHead()
            let body = "csrf=\(desk.csrf)&member=R35"
            let response = try await client.execute(uri: "/balie/1/aanwezig", method: .post, headers: desk.headers, body: ByteBuffer(string: body))
            #expect(response.status == .forbidden)
            #expect(try db.auditHead() == before)
        }
    }

    @Test("a byte-order mark or a zero-width space around a code is read the same by the API and the form")
    func invisibleCharacters() async throws {
        let (db, codes, ballot) = try WebTests.setUp()
        let app = BuurtstemServer.application(database: db)
        let same: HTTPFields = [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"]
        try await app.test(.router) { client in
            let api = "\u{FEFF}" + codes[ResidentID("R1")]!.description + "\u{200B}"
            let json = #"{"code":"\#(api)","ballot":\#(ballot),"choice":"yes"}"#
            try await client.execute(uri: "/api/v1/votes", method: .post, headers: WebTests.jsonHeaders, body: ByteBuffer(string: json)) {
                #expect($0.status == .created, "\(String(buffer: $0.body))")
            }
            let form = "\u{FEFF}" + codes[ResidentID("R2")]!.description
            let encoded = form.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            try await client.execute(uri: "/stem", method: .post, headers: same, body: ByteBuffer(string: "code=\(encoded)")) {
                #expect($0.status == .seeOther)
            }
        }
    }

    @Test("the operator's port answers /metrics, /healthz and /readyz, whatever proxy is trusted on the main port")
    func operationsPort() async throws {
        let (db, _, _) = try WebTests.setUp()
        let settings = ServerSettings(port: 0, trustedProxies: ["127.0.0.1"])
        let app = BuurtstemServer.operations(port: 0, settings: settings) { [("wildeman", db)] }
        try await app.test(.router) { client in
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok && String(buffer: metrics.body).contains("buurtstem_audit_entries{association=\"wildeman\"}"))
            #expect(try await client.execute(uri: "/readyz", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/api/v1/votes", method: .post).status == .notFound)
        }
    }
}

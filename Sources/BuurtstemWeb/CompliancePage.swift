import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
public import Hummingbird
import Statuut

/// The board's compliance page: the full report (audit log verified), and the two records the
/// board makes by hand — annual accounts presented, an affiliated organisation's confirmation.
struct CompliancePage: Sendable {
    let database: AppDatabase
    let gate: StaffGate
    let clock: WallClock

    func register(on router: Router<WebContext>) {
        router.get("bestuur/naleving") { request, _ in
            guard let session = try await gate.session(request, role: .board) else { return StaffGate.signIn }
            let english = request.uri.queryParameters["lang"] == "en"
            return try self.page(session, language: english ? .en : .nl)
        }
        router.post("bestuur/naleving/jaarrekening") { request, _ in try await self.record(request, accounts: true) }
        router.post("bestuur/naleving/organisatie") { request, _ in try await self.record(request, accounts: false) }
    }

    func page(
        _ session: StaffSession, language: Language = .nl, message: (nl: String, en: String)? = nil, ok: Bool = false,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let today = clock.today()
        let report = Compliance.check(try database.complianceFacts(), on: today)
        let (statute, _) = try database.statute(on: today)
        let organisations = statute.organisations.map { "<option>\(HTML.h($0.value))</option>" }.joined()
        let confirm =
            organisations.isEmpty
            ? ""
            : """
            <form method="post" action="/bestuur/naleving/organisatie" class="card">\(HTML.csrf(session))
            <h2>\(HTML.both("Bevestiging van een aangesloten organisatie", "An affiliated organisation's confirmation"))</h2>
            <label for="organisation">\(HTML.both("Organisatie", "Organisation"))</label><select id="organisation" name="organisation">\(organisations)</select>
            <label for="confirmation">\(HTML.both("Wat de organisatie schreef", "What the organisation wrote"))</label>
            <textarea id="confirmation" name="text" rows="2" required></textarea>
            <button type="submit">\(HTML.both("Vastleggen voor \(today.year)", "Record for \(today.year)"))</button>
            </form>
            """
        let body = """
            <p><a href="/bestuur">\(HTML.inline("terug", "back"))</a> · <a href="/bestuur/naleving?lang=\(language == .nl ? "en" : "nl")">\(language == .nl ? "English" : "Nederlands")</a></p>
            \(HTML.message(message, ok: ok))
            \(report.htmlBody(in: language))
            <form method="post" action="/bestuur/naleving/jaarrekening" class="card">\(HTML.csrf(session))
            <h2>\(HTML.both("Jaarrekening voorgelegd aan de leden", "Annual accounts presented to the members"))</h2>
            <div class="row">
            <div><label for="year">\(HTML.both("Boekjaar", "Financial year"))</label><input type="number" id="year" name="year" value="\(today.year - 1)" required></div>
            <div><label for="on">\(HTML.both("Voorgelegd op", "Presented on"))</label><input type="date" id="on" name="on" value="\(today)" required></div>
            </div>
            <button type="submit">\(HTML.both("Vastleggen", "Record"))</button>
            </form>
            \(confirm)
            """
        return HTML.staffPage("Naleving", body, session: session, status: status)
    }

    func record(_ request: Request, accounts: Bool) async throws -> Response {
        guard let (session, form) = try await gate.post(request, role: .board) else { return StaffGate.signIn }
        do {
            if accounts {
                guard let year = form.value("year").flatMap({ Int($0) }), let on = form.value("on").flatMap(CivilDate.init(iso:)) else {
                    throw Problem(nl: "Vul het boekjaar en de datum in.", en: "Enter the financial year and the date.")
                }
                try database.presentAccounts(year: year, on: on, actor: session.account.actor)
                return try page(session, message: ("Jaarrekening \(year) vastgelegd.", "Annual accounts \(year) recorded."), ok: true)
            }
            guard let organisation = form.value("organisation"), let text = form.value("text") else {
                throw Problem(nl: "Kies de organisatie en vul in wat zij schreef.", en: "Choose the organisation and enter what it wrote.")
            }
            let today = clock.today()
            try database.confirmPrinciples(organisation: organisation, year: today.year, on: today, text: text, actor: session.account.actor)
            return try page(session, message: ("Bevestiging van \(organisation) vastgelegd.", "\(organisation)'s confirmation recorded."), ok: true)
        } catch let problem as Problem {
            return try page(session, message: (problem.nl, problem.en), status: .badRequest)
        } catch {
            return try page(session, message: explain(error), status: .conflict)
        }
    }
}

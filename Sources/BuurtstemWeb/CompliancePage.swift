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
        _ session: StaffSession, language: Language = .nl, message: (nl: String, en: String)? = nil, ok: Bool = false, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let today = clock.today()
        let report = Compliance.check(try database.complianceFacts(), on: today)
        let (statute, _) = try database.statute(on: today)
        let organisations = statute.organisations.map(\.value)
        return PageTemplates.staffPage(
            "compliance-page", title: "complianceTitle", session: session,
            [
                // The report is a document of its own (BuurtstemDocuments), rendered by its template.
                "report": report.htmlBody(in: language), "otherLanguage": language == .nl ? "en" : "nl",
                "otherLanguageName": language == .nl ? "English" : "Nederlands", "lastYear": today.year - 1, "today": today.description,
                "organisations": organisations, "hasOrganisations": !organisations.isEmpty,
                "recordForYear": Catalogue.both("recordForYear", ["year": String(today.year)]),
            ], flash: message, ok: ok, status: status)
    }

    func record(_ request: Request, accounts: Bool) async throws -> Response {
        guard let (session, form) = try await gate.post(request, role: .board) else { return StaffGate.signIn }
        do {
            if accounts {
                guard let year = form.value("year").flatMap({ Int($0) }), let on = form.value("on").flatMap(CivilDate.init(iso:)) else {
                    throw Problem(key: "enterYearAndDate")
                }
                try database.presentAccounts(year: year, on: on, actor: session.account.actor)
                return try page(session, message: Catalogue.pair("accountsRecorded", ["year": String(year)]), ok: true)
            }
            guard let organisation = form.value("organisation"), let text = form.value("text") else {
                throw Problem(key: "chooseOrganisation")
            }
            let today = clock.today()
            try database.confirmPrinciples(organisation: organisation, year: today.year, on: today, text: text, actor: session.account.actor)
            return try page(session, message: Catalogue.pair("confirmationRecorded", ["organisation": organisation]), ok: true)
        } catch let problem as Problem {
            return try page(session, message: (problem.nl, problem.en), status: .badRequest)
        } catch {
            return try page(session, message: explain(error), status: .conflict)
        }
    }
}

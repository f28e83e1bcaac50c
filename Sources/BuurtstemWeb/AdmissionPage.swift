import BuurtstemCore
import BuurtstemStore
public import Hummingbird
import Statuut

/// The board's page for membership on request: record an application, and decide on those
/// waiting — admit (with the intake and profile the statute asks for) or refuse with a reason. Where
/// the statute gives admission to the general assembly, the decision is recorded as the open
/// assembly's. Board accounts only.
struct AdmissionPage: Sendable {
    let database: AppDatabase
    let gate: StaffGate
    let clock: WallClock

    func register(on router: Router<WebContext>) {
        router.get("bestuur/leden") { request, _ in
            guard let session = try await gate.session(request, role: .board) else { return StaffGate.signIn }
            return try self.page(session)
        }
        router.post("bestuur/leden/aanvraag") { request, _ in try await self.apply(request) }
        router.post("bestuur/leden/besluit") { request, _ in try await self.decide(request) }
    }

    func page(_ session: StaffSession, message: (nl: String, en: String)? = nil, ok: Bool = false, status: HTTPResponse.Status = .ok) throws -> Response {
        let today = clock.today()
        let (statute, _) = try database.statute(on: today)
        guard statute.membership.value.mode == .optIn else {
            let body =
                "<h1>\(HTML.both("Leden", "Members"))</h1>"
                + HTML.message(
                    (
                        "Iedere bewoner van \(statute.membership.value.areaName) is automatisch lid (\(statute.membership.source.cited(in: .nl))): er zijn geen aanvragen.",
                        "Every resident of \(statute.membership.value.areaName) is a member automatically: there are no applications."
                    ))
                + "<p><a href=\"/bestuur\">\(HTML.inline("terug", "back"))</a></p>"
            return HTML.staffPage("Leden", body, session: session, status: status)
        }
        let admission = statute.admission
        let byAssembly = admission.value.decidedBy == .assembly
        let open = try database.assemblies().first { $0.state == .open }
        let applications = try database.applications()
        let waiting = applications.filter { $0.state == .pending }
        func intake(_ id: Int) -> String {
            admission.value.afterIntake
                ? "<label for=\"intake-\(id)\">\(HTML.both("Datum van het intakegesprek", "Date of the intake interview"))</label><input type=\"date\" id=\"intake-\(id)\" name=\"intake\" required>"
                : ""
        }
        let profile =
            statute.profile.map { p in
                "<label class=\"choice\"><input type=\"checkbox\" name=\"profile\" value=\"ja\" required> \(HTML.both("Voldoet aan het profiel: \(p.value)", "Fits the profile: \(p.value)"))</label>"
            } ?? ""
        let who =
            byAssembly
            ? HTML.both(
                "De algemene vergadering beslist (\(admission.source.cited(in: .nl)))"
                    + (open.map { ": vergadering van \($0.date) is open." } ?? "; er is nu geen vergadering open."),
                "The general assembly decides" + (open.map { ": the assembly of \($0.date) is open." } ?? "; no assembly is open now."))
            : HTML.both("Het bestuur beslist (\(admission.source.cited(in: .nl))).", "The board decides.")
        let rows = waiting.map { application -> String in
            let id = HTML.h(application.resident.rawValue)
            let decidable = !byAssembly || open != nil
            return """
                <li class="card"><strong>\(id)</strong> · \(HTML.both("aangevraagd op \(application.appliedOn)", "applied on \(application.appliedOn)"))
                \(decidable ? """
                <form method="post" action="/bestuur/leden/besluit">\(HTML.csrf(session))<input type="hidden" name="resident" value="\(id)">
                <input type="hidden" name="decision" value="admit">\(intake(application.id))\(profile)
                <button type="submit">\(HTML.both("Toelaten", "Admit"))</button></form>
                <form method="post" action="/bestuur/leden/besluit">\(HTML.csrf(session))<input type="hidden" name="resident" value="\(id)">
                <input type="hidden" name="decision" value="refuse">
                <label for="reason-\(application.id)">\(HTML.both("Reden van weigering", "Reason for refusal"))</label>
                <input type="text" id="reason-\(application.id)" name="reason" required>
                <button type="submit" class="secondary">\(HTML.both("Weigeren", "Refuse"))</button></form>
                """ : "")
                </li>
                """
        }.joined()
        let decided = applications.filter { $0.state != .pending }.map { a -> String in
            let how = a.state == .granted ? HTML.inline("toegelaten", "admitted") : HTML.inline("geweigerd", "refused") + ": " + HTML.h(a.reason ?? "")
            return "<li>\(HTML.h(a.resident.rawValue)) · \(a.decidedOn.map { "\($0)" } ?? "") · \(how)</li>"
        }.joined()
        let body = """
            <h1>\(HTML.both("Aanvragen voor het lidmaatschap", "Applications for membership"))</h1>
            <p><a href="/bestuur">\(HTML.inline("terug", "back"))</a></p>
            \(HTML.message(message, ok: ok))
            <p>\(who)</p>
            <h2>\(HTML.both("Wachten op een besluit", "Waiting for a decision"))</h2>
            \(rows.isEmpty ? "<p>\(HTML.both("Geen aanvragen.", "No applications."))</p>" : "<ul class=\"plain\">\(rows)</ul>")
            <form method="post" action="/bestuur/leden/aanvraag" class="card">\(HTML.csrf(session))
            <h2>\(HTML.both("Aanvraag vastleggen", "Record an application"))</h2>
            <label for="resident">\(HTML.both("Nummer van de bewoner (uit het register)", "Resident's number (from the register)"))</label>
            <input type="text" id="resident" name="resident" required autocomplete="off">
            <label for="applied">\(HTML.both("Datum van de aanvraag", "Date of the application"))</label>
            <input type="date" id="applied" name="applied" value="\(today)" required>
            <button type="submit">\(HTML.both("Vastleggen", "Record"))</button>
            </form>
            <h2>\(HTML.both("Besluiten", "Decisions"))</h2>
            \(decided.isEmpty ? "<p>\(HTML.both("Nog geen besluiten.", "No decisions yet."))</p>" : "<ul>\(decided)</ul>")
            """
        return HTML.staffPage("Leden", body, session: session, status: status)
    }

    func apply(_ request: Request) async throws -> Response {
        guard let (session, form) = try await gate.post(request, role: .board) else { return StaffGate.signIn }
        do {
            guard let resident = form.value("resident"), let applied = form.value("applied").flatMap(CivilDate.init(iso:)) else {
                throw Problem(nl: "Vul het nummer van de bewoner en de datum in.", en: "Enter the resident's number and the date.")
            }
            try database.apply([.init(resident: ResidentID(resident), appliedOn: applied)], actor: session.account.actor)
            return try page(session, message: ("Aanvraag van \(resident) vastgelegd.", "Application of \(resident) recorded."), ok: true)
        } catch let problem as Problem {
            return try page(session, message: (problem.nl, problem.en), status: .badRequest)
        } catch {
            return try page(session, message: explain(error), status: .conflict)
        }
    }

    func decide(_ request: Request) async throws -> Response {
        guard let (session, form) = try await gate.post(request, role: .board) else { return StaffGate.signIn }
        do {
            guard let resident = form.value("resident"), let decision = form.value("decision") else {
                throw Problem(nl: "Welke aanvraag, en welk besluit?", en: "Which application, and what decision?")
            }
            let verdict: AdmissionVerdict
            if decision == "admit" {
                verdict = .grant(intakeOn: form.value("intake").flatMap(CivilDate.init(iso:)), meetsProfile: form.value("profile") == "ja")
            } else {
                guard let reason = form.value("reason") else { throw Problem(nl: "Vul de reden van de weigering in.", en: "Enter the reason for the refusal.") }
                verdict = .refuse(reason: reason)
            }
            let (statute, _) = try database.statute(on: clock.today())
            let assembly = statute.admission.value.decidedBy == .assembly ? try database.assemblies().first { $0.state == .open }?.id : nil
            try database.decide([.init(resident: ResidentID(resident), verdict: verdict)], assembly: assembly, actor: session.account.actor)
            return try page(
                session,
                message: decision == "admit"
                    ? ("\(resident) is toegelaten en is nu lid.", "\(resident) is admitted and is now a member.")
                    : (
                        "De aanvraag van \(resident) is geweigerd; de reden is vastgelegd.",
                        "The application of \(resident) is refused; the reason is recorded."
                    ),
                ok: true)
        } catch let problem as Problem {
            return try page(session, message: (problem.nl, problem.en), status: .badRequest)
        } catch {
            return try page(session, message: explain(error), status: .conflict)
        }
    }
}

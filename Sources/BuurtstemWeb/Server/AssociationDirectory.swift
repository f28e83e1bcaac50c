public import BuurtstemCore
public import BuurtstemStore
public import Foundation
public import Hummingbird
import Logging

/// Many associations in one process: every `NAME.sqlite` in a folder is an association, served
/// for the host names whose first label is NAME (`wildeman.stem.example.nl`, `wildeman.localhost`).
/// Each has its own database — staff accounts, keys, audit log — and its own pages, limiter and
/// sessions; nothing is shared but the process. A file added to the folder is served at its first
/// request; a file removed (or moved away) is no longer served from the next request on: no restart.
public actor AssociationDirectory {
    public let folder: URL
    let settings: ServerSettings
    /// Why a file is not served, said once a minute per association (every request retries it).
    private lazy var refusals = LogThrottle(logger: settings.logger ?? Logger(label: "buurtstem.associations"), window: .seconds(60))
    private var open: [String: (database: AppDatabase, responder: RouterResponder<WebContext>, lock: ServingLock?)] = [:]

    public init(folder: URL, settings: ServerSettings) {
        self.folder = folder
        self.settings = settings
    }

    /// The association a host name names: its first label, when it is a valid name.
    public static func name(fromHost host: String) -> String? {
        let withoutPort = host.split(separator: ":").first.map(String.init) ?? host
        guard let label = withoutPort.split(separator: ".").first.map({ $0.lowercased() }) else { return nil }
        return isValidName(label) ? label : nil
    }

    /// A name is 1–63 lower-case letters, digits and hyphens (a DNS label): never a path.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 63 && !name.hasPrefix("-") && name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// The file of association `name`.
    public func file(_ name: String) -> URL { folder.appendingPathComponent("\(name).sqlite") }

    /// The pages of the association a host names, opening its database on first use; nil when the
    /// folder has no such association (any more).
    func responder(forHost host: String) -> RouterResponder<WebContext>? {
        guard let name = Self.name(fromHost: host) else { return nil }
        guard FileManager.default.fileExists(atPath: file(name).path) else {
            close(name)
            return nil
        }
        if let served = open[name] { return served.responder }
        let database: AppDatabase
        do { database = try AppDatabase(path: file(name).path, clock: settings.clock) } catch {
            // Not served (a planted schema, a newer version, a damaged file): the operator is told why,
            // the neighbourhood gets the plain 404. The reason names schema objects, never personal data.
            if let leftOut = refusals.admit(name) {
                refusals.logger.error(
                    "association not served",
                    metadata: ["association": .string(name), "reason": .string("\(error)"), "leftOut": .stringConvertible(leftOut)])
            }
            return nil
        }
        let responder = BuurtstemServer.router(database: database, association: name, settings: settings).buildResponder()
        open[name] = (database, responder, ServingLock(serving: file(name).path))
        return responder
    }

    /// The associations with an open database (for readiness and metrics), dropping removed ones.
    public func openAssociations() -> [(name: String, database: AppDatabase)] {
        for name in open.keys where !FileManager.default.fileExists(atPath: file(name).path) { close(name) }
        return open.map { ($0.key, $0.value.database) }.sorted { $0.name < $1.name }
    }

    /// Stops serving `name`: its database closes once the requests still using it are answered.
    private func close(_ name: String) {
        guard open.removeValue(forKey: name) != nil else { return }
        settings.metrics.forget(name)
    }
}

/// Sends each request to its association's pages by host name; the operator's endpoints are the
/// process's own. A host that names no association gets the same 404 page as any unknown path,
/// so the answer says nothing about which associations exist.
struct AssociationResponder: HTTPResponder {
    typealias Context = WebContext
    let directory: AssociationDirectory
    let operations: RouterResponder<WebContext>

    func respond(to request: Request, context: WebContext) async throws -> Response {
        if ["/healthz", "/readyz", "/metrics"].contains(request.uri.path) { return try await operations.respond(to: request, context: context) }
        guard let host = request.head.authority, let responder = await directory.responder(forHost: host) else {
            var response = SecurityHeadersMiddleware<WebContext>.notFoundPage()
            SecurityHeadersMiddleware<WebContext>.secure(&response)
            return response
        }
        return try await responder.respond(to: request, context: context)
    }
}

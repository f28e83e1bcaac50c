import BuurtstemStore
import Hummingbird

/// The operator's endpoints: `/healthz` (the process answers), `/readyz` (every open database
/// answers with the schema this binary knows: 503 otherwise, so a load balancer or systemd waits)
/// and `/metrics` (Prometheus text; only for requests that did not come through the proxy —
/// the Caddyfiles also answer 404 for it).
struct Operations: Sendable {
    let settings: ServerSettings
    let associations: @Sendable () async -> [(name: String, database: AppDatabase)]

    func register(on router: Router<WebContext>) {
        router.get("healthz") { _, _ in HealthBody() }
        router.get("readyz") { _, _ in
            let open = await associations()
            let ready = try await Lane.pages.run { open.allSatisfy { $0.database.isReady() } }
            return Response(
                status: ready ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: .init(string: ready ? "ready\n" : "not ready\n")))
        }
        router.get("metrics") { _, context in
            guard !context.forwarded else { throw NotFound() }
            let open = await associations()
            let text = try await Lane.pages.run { settings.metrics.scrape(open) }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"], body: .init(byteBuffer: .init(string: text)))
        }
    }
}

import Testing

@testable import BuurtstemWeb

@Suite("The request log")
struct AccessLogTests {
    @Test("a request's duration is logged in milliseconds, whole seconds included")
    func milliseconds() {
        #expect(AccessLogMiddleware.milliseconds(.milliseconds(12)) == 12)
        #expect(AccessLogMiddleware.milliseconds(.seconds(2) + .microseconds(500)) == 2_000.5)
    }
}

import XCTest
@testable import GazetteKit

/// The batch path reuses one frame per worker and clears only the slots a message may read before their
/// step writes them. A case must never see the previous case's values, even when consecutive cases are
/// judged by versions whose slots are laid out differently.
final class FrameReuseTests: XCTestCase {
    static let decision = RuleText.decision(
        inputs: #"[{"name":"x","type":"decimal","required":true},{"name":"d","type":"date","required":true}]"#,
        outputs: #"[{"name":"out","type":"decimal"}]"#,
        steps: "[]",
        versions: #"""
        [{"id":"v1","effective":{"from":"2020-01-01","until":"2020-12-31"},"steps":[
           {"finding":"EARLY","when":"x > 1"},
           {"set":"later","expr":"x * 2"},
           {"set":"out","expr":"later + 1"}]},
         {"id":"v2","effective":{"from":"2021-01-01"},"steps":[
           {"set":"other","expr":"x + 100"},
           {"set":"later","expr":"x * 3"},
           {"finding":"EARLY","when":"x > 1"},
           {"set":"out","expr":"later + other"}]}]
        """#,
        extra: #"""
        ,"asOf":"d","findings":[{"code":"EARLY","severity":"info","cite":"c",
          "message":{"zh":"later={later} other={other} x={x}","en":"later={later} other={other} x={x}"}}]
        """#)

    func testReusedFrameNeverShowsThePreviousCase() throws {
        let book = try RuleText.load(Self.decision)
        let lines = [#"{"x":5,"d":"2020-06-01"}"#, #"{"x":7,"d":"2021-06-01"}"#, #"{"x":9,"d":"2020-06-01"}"#,
                     #"{"x":11,"d":"2020-07-01"}"#, #"{"x":0.5,"d":"2021-02-01"}"#, #"{"x":13,"d":"2021-03-01"}"#]
        let runner = BatchRunner(rulebook: book, decisionId: "t.case", jobs: 1)
        var input = Array(lines.joined(separator: "\n").utf8) + [0x0A]
        var out: [UInt8] = []
        runner.run(read: { defer { input = [] }; return input }, write: { out += $0; return true })
        let got = String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init)
        XCTAssertEqual(got.count, lines.count)
        for (k, line) in lines.enumerated() {
            // The general path judges every case on a fresh frame.
            XCTAssertEqual(got[k], runner.generalLine(.bytes(Array(line.utf8)[...]), number: k + 1), line)
        }
        // Version 1 raises the finding before `later` is set (null, not the previous case's 21), and
        // has no `other` (the placeholder stays as written).
        XCTAssertTrue(got[2].contains(#""en":"later=(none) other={other} x=9""#), got[2])
        // Version 2 sets both first.
        XCTAssertTrue(got[1].contains(#""en":"later=21 other=107 x=7""#), got[1])
    }
}

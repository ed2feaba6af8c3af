import Testing
@testable import FlowTrace

/// Word-by-word differences of a changed step.
@Suite struct WordDiffTests {
    @Test func wordsThatDiffer() {
        #expect(WordDiff.changes("🔑 [DATABASE] Using SERVICE client for select on users",
                                 "🔓 [DATABASE] Using ANON client for select on users")
            == [WordChange(left: "🔑", right: "🔓"), WordChange(left: "SERVICE", right: "ANON")])
        #expect(WordDiff.changes("Query result: True", "Query result: False") == [WordChange(left: "True", right: "False")])
        #expect(WordDiff.changes("retry scheduled", "retry not scheduled") == [WordChange(left: "", right: "not")])
        #expect(WordChange(left: "", right: "not").description == "∅ → not")
    }

    @Test func idsAndTimesDoNotCountButNumbersDo() {
        let left = "User 22cb3917-57f6-49c6-ac96-ec266570081b has 1200 credits at 07:07:57"
        let right = "User 7f3e2a91-4c8d-4b6e-9a15-d2c8e0f41b37 has 640 credits at 18:25:00"
        #expect(WordDiff.changes(left, right) == [WordChange(left: "1200", right: "640")])
    }

    @Test func aDateAndTimeAcrossASpaceIsOneTime() {
        #expect(WordDiff.changes("at 2025-08-02 07:07:57 ok", "at 2025-08-01 18:25:00 ok").isEmpty)
    }
}

/// Where the changed words are: the renderers redact them in their message's context.
@Suite struct WordDiffRangeTests {
    @Test(arguments: [
        ("login password: hunter2 now", "login password: swordfish99 and again"),
        ("🔑 [DATABASE] Using SERVICE client", "🔓 [DATABASE] Using ANON client"),
        ("attempt 1/3) region=eu ok", "attempt 2/3) region=us ok"),
        ("retry scheduled", "retry not scheduled"),
    ])
    func eachSideIsWhereItsRangeSays(_ left: String, _ right: String) {
        func text(_ message: String, _ range: Range<Int>?) -> String {
            range.map { String(decoding: Array(message.utf8)[$0], as: UTF8.self) } ?? ""
        }
        let changes = WordDiff.changes(left, right)
        #expect(!changes.isEmpty)
        for change in changes {
            #expect(text(left, change.leftRange) == change.left)
            #expect(text(right, change.rightRange) == change.right)
        }
    }
}

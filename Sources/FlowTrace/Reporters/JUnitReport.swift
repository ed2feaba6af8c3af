/// A JUnit XML report as Jenkins and GitLab read it: `<testsuites>` of `<testsuite>`s of
/// `<testcase>`s, a case failing with one `<failure>` (or `<error>`) whose text says why. Built by
/// the scan's ``JUnitReporter`` (a case per rule) and by `flowtrace check` (a case per fixture).
public struct JUnitReport: Sendable {
    /// One test case: passes when it has no failure.
    public struct TestCase: Sendable {
        public var name: String
        public var className: String
        /// Why it failed: a short message (an attribute) and the details (the element's text).
        public var failure: (message: String, details: String)?
        /// Set for a case that could not run (e.g. unreadable input): rendered as `<error>`.
        public var isError = false
        /// Text shown with the case whether it passed or not (`<system-out>`).
        public var systemOut: String?

        public init(name: String, className: String, failure: (message: String, details: String)? = nil,
                    isError: Bool = false, systemOut: String? = nil) {
            self.name = name
            self.className = className
            self.failure = failure
            self.isError = isError
            self.systemOut = systemOut
        }
    }

    /// A named group of cases.
    public struct TestSuite: Sendable {
        public var name: String
        public var cases: [TestCase]

        public init(name: String, cases: [TestCase]) {
            self.name = name
            self.cases = cases
        }

        var failures: Int { cases.filter { $0.failure != nil && !$0.isError }.count }
        var errors: Int { cases.filter { $0.failure != nil && $0.isError }.count }
    }

    public var name: String
    public var suites: [TestSuite]

    public init(name: String, suites: [TestSuite]) {
        self.name = name
        self.suites = suites
    }

    /// The XML document. Every name, message and detail is escaped (``XMLText``).
    public func xml() -> String {
        let tests = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.failures }
        let errors = suites.reduce(0) { $0 + $1.errors }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"\(XMLText.escape(name))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        for suite in suites {
            xml += "  <testsuite name=\"\(XMLText.escape(suite.name))\" tests=\"\(suite.cases.count)\""
                + " failures=\"\(suite.failures)\" errors=\"\(suite.errors)\" skipped=\"0\">\n"
            for testCase in suite.cases {
                xml += "    <testcase classname=\"\(XMLText.escape(testCase.className))\" name=\"\(XMLText.escape(testCase.name))\""
                guard testCase.failure != nil || testCase.systemOut != nil else {
                    xml += "/>\n"
                    continue
                }
                xml += ">\n"
                if let failure = testCase.failure {
                    let element = testCase.isError ? "error" : "failure"
                    xml += "      <\(element) message=\"\(XMLText.escape(failure.message))\" type=\"\(element)\">"
                    xml += XMLText.content(failure.details) + "</\(element)>\n"
                }
                if let systemOut = testCase.systemOut {
                    xml += "      <system-out>" + XMLText.content(systemOut) + "</system-out>\n"
                }
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }
}

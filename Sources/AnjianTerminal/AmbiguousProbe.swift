import Glibc
import AnjianScreen

extension Terminal {
    /// How the terminal shows an East Asian Ambiguous character, asked as Vim does (`t_u7`):
    /// before curses starts, draw `…` at the start of the line, ask where the cursor is
    /// (`ESC[6n`) and erase the line. Column 2 is narrow, 3 wide; nil without an answer
    /// within the timeout (the caller keeps its default), so a silent terminal costs only the wait.
    public static func probeAmbiguousWidth(timeoutMilliseconds: Int32 = 200) -> AmbiguousWidth? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return nil }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else { return nil }
        defer { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        send("\r\u{2026}\u{1B}[6n")
        defer { send("\r\u{1B}[K") }
        var answer: [UInt8] = []
        var waited: Int32 = 0
        while waited < timeoutMilliseconds, answer.count < 64, answer.last != UInt8(ascii: "R") {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let step: Int32 = 20
            if poll(&descriptor, 1, step) > 0 {
                var byte: UInt8 = 0
                guard read(STDIN_FILENO, &byte, 1) == 1 else { break }
                answer.append(byte)
            } else {
                waited += step
            }
        }
        return AmbiguousWidth(cursorReport: answer)
    }

    private static func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}

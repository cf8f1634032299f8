import ArgumentParser
import Foundation
import AnjianCLI
import AnjianStore
import AnjianSync

struct Sync: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "sync",
                             abstract: Help.text(zh: "通过 git 同步台账：提交本机修改、取回、按记录合并、上传（见 docs/sync.md）。",
                                                 en: "Sync the ledger through git: commit the local changes, fetch, merge record by record, push (see docs/sync.md)."),
                             discussion: Help.text(zh: "连不上服务器时只在本机提交，下次同步时上传。退出码：0 完成，64 未设置同步，69 没有 git，70 git 失败，75 数据目录被占用。",
                                                   en: "Offline, the changes are committed here and pushed at the next sync. Exit: 0 done, 64 not set up, 69 no git, 70 git failed, 75 the directory is held by another writer."))
    }

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "把数据目录设为与该 git 仓库同步（服务器上的空裸仓库、U 盘上的路径）。",
                                                     en: "Set the data directory up to sync with this git repository (an empty bare repository on a server, a path on a USB stick)."),
                                            valueName: "URL"))
    var setup: String?

    @Option(name: .long, help: ArgumentHelp(Help.text(zh: "署名的操作人（默认 $ANJIAN_OPERATOR，否则记住的操作人）。",
                                                     en: "Who signs the commit (default: $ANJIAN_OPERATOR, else the remembered operator)."),
                                            valueName: "NAME:CERT"))
    var `operator`: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let options = SyncCommand.Options(directory: common.directory, setupURL: setup, operatorFlag: `operator`, environment: environment,
                                          configURL: OperatorConfig.url(environment: environment),
                                          driver: GitSync.driverCommand(executable: GitSync.currentExecutable))
        do {
            let report = try SyncCommand.run(options, strings: common.strings)
            if let url = setup { printLine(common.strings.syncSetUp(url)) }
            for line in report.lines(common.strings) { printLine(line) }
        } catch {
            throw fail(error)
        }
    }
}

/// git's merge driver (`merge.anjian.driver`, set up by `anjian sync`): not for people to run.
struct MergeDriverCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "merge-driver",
                             abstract: Help.text(zh: "git 的合并驱动（由 anjian sync 设置）：按记录合并台账文件。",
                                                 en: "git's merge driver (set up by anjian sync): merges a ledger file record by record."),
                             shouldDisplay: false)
    }

    @OptionGroup var common: CommonOptions

    @Argument(help: "%O") var base: String
    @Argument(help: "%A") var ours: String
    @Argument(help: "%B") var theirs: String
    @Argument(help: "%P") var path: String

    func run() throws {
        let result = MergeDriver.run(base: base, ours: ours, theirs: theirs, path: path,
                                     environment: ProcessInfo.processInfo.environment, strings: common.strings)
        if let message = result.message { FileHandle.standardError.write(Data(("anjian: " + message + "\n").utf8)) }
        if result.status != 0 { throw ExitCode(result.status) }
    }
}

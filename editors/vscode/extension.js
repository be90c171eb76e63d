// Starts `calque lsp` for text, Markdown, subtitle and gettext files.
// Everything else (diagnostics, quick fixes, fix all) is the server's.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("calque");
  const server = {
    command: settings.get("path", "calque"),
    args: ["lsp"],
    transport: TransportKind.stdio,
  };
  const files = ["txt", "md", "markdown", "srt", "vtt", "po", "pot"];
  const clientOptions = {
    documentSelector: files.map((ext) => ({ scheme: "file", pattern: `**/*.${ext}` }))
      .concat([{ scheme: "untitled", language: "plaintext" }, { scheme: "untitled", language: "markdown" }]),
    // What `calque lsp` reads as initializationOptions.
    initializationOptions: {
      packs: settings.get("packs", []),
      select: settings.get("select", []),
      ignore: settings.get("ignore", []),
    },
    synchronize: {
      // Config files and packs: the server reads them again when they change.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.toml"),
    },
  };
  client = new LanguageClient("calque", "calque", server, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

; Inno Setup script (6.3 or later, or 7): the Windows installer for the bundle in dist\loyalty-desktop\.
;
; Build (after `python packaging\build.py`, which also writes build\loyalty-desktop.ico):
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\loyalty-desktop.iss
; (Inno Setup 7 installs as "Inno Setup 7", in Program Files for its 64-bit edition.)
; Output: dist\loyalty-desktop-<version>-setup.exe. See packaging\README.md.
;
; - Per-machine: installs into Program Files for every user of the PC (needs an administrator).
; - Upgrade in place: the same AppId finds the installed copy; its folder is reused and the
;   old program files are replaced. The shop's data never lives in the program folder (it is
;   in each user's %LOCALAPPDATA%\loyalty-desktop, or where the first-run wizard put it), so
;   an upgrade cannot touch it; the program backs the database up before migrating it.
; - A running till is closed first (Restart Manager), so no file is replaced while in use.
; - Uninstall removes the program and keeps the data, unless the person uninstalling answers
;   Yes to "also delete the data" (silent uninstalls always keep it). The uninstaller runs as an
;   administrator: when Windows asked for another account's password, it asks about that
;   account's folder (usually absent: nothing is asked) and every shop user's data is kept.
;   Per-user data is the program's, not the installer's (Inno Setup's "admin install mode"):
;   nothing else in this script touches a user's folders.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Loyalty Desktop"
#define AppExe "loyalty-desktop.exe"
#define DataFolder "loyalty-desktop"

[Setup]
; Never change AppId: it is how an upgrade finds the installed program.
AppId={{078CFEA5-4B87-4026-BD25-E9372ED0A419}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=loyalty-desktop maintainers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=loyalty-desktop-{#AppVersion}-setup
SetupIconFile=..\..\build\loyalty-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
; The bundle's Python extensions (.pyd) are loaded by a running till as well as its .exe and .dll.
CloseApplicationsFilter=*.exe,*.dll,*.pyd
RestartApplications=no
UsePreviousAppDir=yes
UsePreviousTasks=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole bundle: files the new version no longer ships must not linger
; (an old Qt plugin beside a new Qt fails to load). Only the program folder; never the data.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\loyalty-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The program has no console; this shows its --self-test report in a window (Start menu).
Source: "self-test.cmd"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autoprograms}\{#AppName} self-test"; Filename: "{app}\self-test.cmd"; WorkingDir: "{app}"; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; What Python wrote beside the migrations it read (__pycache__); nothing of the shop's is here.
Type: filesandordirs; Name: "{app}\_internal"

[Code]
// The shop's data: the database, its backups, the card keys, settings and logs. platformdirs
// puts them all under %LOCALAPPDATA%\loyalty-desktop for the user who ran the program.
function DataPath(): String;
begin
  Result := ExpandConstant('{localappdata}\{#DataFolder}');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  if UninstallSilent() or not DirExists(DataPath()) then
    exit;  // keep the data: a silent uninstall cannot have been asked
  if MsgBox('The program was removed. The shop''s data (members, points, sales, backups and card keys) is kept in:' + #13#10 + DataPath() + #13#10#13#10 +
            'Delete the data too? This cannot be undone. Choose No to keep it for a later install.',
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
  begin
    if not DelTree(DataPath(), True, True, True) then
      MsgBox('Some files could not be deleted; remove ' + DataPath() + ' by hand.', mbError, MB_OK);
  end;
end;

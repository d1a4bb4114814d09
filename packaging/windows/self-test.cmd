@echo off
rem The Start menu's "Loyalty Desktop self-test": runs the installed program's --self-test and
rem shows its report. loyalty-desktop.exe is a windowed program with no console, so it writes the
rem report to self-test.txt in its log folder; this window prints that file and waits for a key.
rem A batch file waits for a windowed program to finish, so the report is complete when shown.
rem When the log folder cannot be written the report goes to %TEMP% instead; both are cleared
rem first, so an old report is never shown as this run's.
setlocal
set "logs=%LOYALTY_LOG_DIR%"
if "%logs%"=="" set "logs=%LOCALAPPDATA%\loyalty-desktop\Logs"
set "spare=%TEMP%\loyalty-desktop-self-test.txt"
if exist "%logs%\self-test.txt" del "%logs%\self-test.txt"
if exist "%spare%" del "%spare%"
"%~dp0loyalty-desktop.exe" --self-test
set "result=%errorlevel%"
if exist "%logs%\self-test.txt" (type "%logs%\self-test.txt") else if exist "%spare%" (type "%spare%") else (echo No report was written.)
echo.
if "%result%"=="0" (echo Self-test passed.) else (echo Self-test FAILED: send this text to whoever looks after the till.)
pause
exit /b %result%

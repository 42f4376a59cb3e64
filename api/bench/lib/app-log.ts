/**
 * Takes the app's log (level warn and above) instead of stdout: a failing write path would
 * otherwise print one stack per request. The report shows the count and the first entry.
 */
export class AppLogCapture {
  count = 0
  first: string | undefined

  write(line: string): void {
    this.count++
    if (this.first !== undefined) return
    try {
      const entry = JSON.parse(line) as {
        level?: number
        msg?: string
        err?: { type?: string; message?: string; stack?: string }
      }
      const where = entry.err?.stack?.split('\n')[1]?.trim()
      this.first = [`level ${entry.level}`, entry.msg, entry.err && `${entry.err.type}: ${entry.err.message}`, where]
        .filter(Boolean)
        .join(' | ')
    } catch {
      this.first = line.trim()
    }
  }
}

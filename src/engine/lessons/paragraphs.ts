// Narration text from comment lines: consecutive lines join with a space into one paragraph, and an empty
// line (a bare marker) starts the next paragraph. Shared by the script and guest lesson parsers.

export class ParagraphBuilder {
  private readonly done: string[] = [];
  private current: string[] = [];

  add(line: string): void {
    const text = line.trim();
    if (text === '') this.breakParagraph();
    else this.current.push(text);
  }

  private breakParagraph(): void {
    if (this.current.length > 0) this.done.push(this.current.join(' '));
    this.current = [];
  }

  get empty(): boolean {
    return this.done.length === 0 && this.current.length === 0;
  }

  take(): string[] {
    this.breakParagraph();
    return this.done.splice(0);
  }
}

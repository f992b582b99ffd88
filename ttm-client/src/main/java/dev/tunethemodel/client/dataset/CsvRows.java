package dev.tunethemodel.client.dataset;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The rows of a CSV file (RFC 4180) whose first record names the columns, blank lines
 * skipped: a quote opens a quoted value only at its start, and blanks may follow the
 * closing quote. Only the values of the columns asked for are kept, and a value or a
 * record is read up to its bound and no further, so no record makes memory grow with it.
 */
final class CsvRows extends DatasetRows {

	private static final char SEPARATOR = ',';

	private static final char QUOTE = '"';

	private static final int NONE = -1;

	private final DatasetText text;

	private final DatasetLimits limits;

	private final long maxValueBytes;

	private final long maxRecordBytes;

	private final List<String> columns;

	// where each column asked for stands in the header, NONE when it is not there
	private final int[] positions;

	private final StringBuilder value = new StringBuilder();

	// the values kept of the record being read, null while it is the header
	private @Nullable String @Nullable [] values;

	private int headerColumns;

	private long recordLine;

	private long recordBytes;

	private long valueBytes;

	// the bytes of the last character read, which a value counts when it takes it
	private int lastBytes;

	// the position of the value being read in its record
	private int index;

	CsvRows(DatasetText text, DatasetLimits limits, List<String> columns) {
		super(text);
		this.text = text;
		this.limits = limits;
		this.maxValueBytes = limits.maxTextBytes();
		this.maxRecordBytes = limits.maxLineBytes();
		this.columns = columns;
		this.positions = new int[columns.size()];
		Arrays.fill(this.positions, NONE);
	}

	@Override
	@Nullable Row next() {
		if (this.values == null) {
			if (!readRecord()) {
				return null;
			}
			this.headerColumns = this.index;
		}
		@Nullable String[] kept = new String[this.columns.size()];
		this.values = kept;
		if (!readRecord()) {
			return null;
		}
		return new Row(this.text.source(), this.recordLine) {

			@Override
			@Nullable String value(String field) {
				int column = CsvRows.this.columns.indexOf(field);
				return (column != NONE) ? kept[column] : null;
			}

			@Override
			String kind() {
				return "column";
			}

		};
	}

	// reads the next record that is not blank; false at the end of the file
	private boolean readRecord() {
		while (true) {
			this.recordLine = this.text.line();
			this.recordBytes = 0;
			this.index = 0;
			startValue();
			int c = read();
			while (c == ' ' || c == '\t') {
				append(c, this.recordLine);
				c = read();
			}
			if (c == DatasetText.END) {
				return false;
			}
			if (!isLineEnd(c)) {
				readValues(c);
				return true;
			}
			endLine(c);
		}
	}

	private void readValues(int first) {
		int c = first;
		while (true) {
			long valueLine = this.text.line();
			c = (c == QUOTE && this.value.length() == 0) ? readQuoted(valueLine) : readUnquoted(c, valueLine);
			complete();
			if (c != SEPARATOR) {
				endLine(c);
				return;
			}
			startValue();
			c = read();
		}
	}

	private int readUnquoted(int first, long valueLine) {
		int c = first;
		while (c != SEPARATOR && c != DatasetText.END && !isLineEnd(c)) {
			append(c, valueLine);
			c = read();
		}
		return c;
	}

	private int readQuoted(long quoteLine) {
		while (true) {
			int c = read();
			if (c == DatasetText.END) {
				throw this.text.invalid(quoteLine, "is not valid CSV: the quote that opens there is never closed");
			}
			if (c == QUOTE && !this.text.readIf(QUOTE)) {
				return afterQuote();
			}
			append(c, quoteLine);
		}
	}

	// only blanks may follow a closing quote before the separator or the line's end
	private int afterQuote() {
		int c = read();
		while (c == ' ' || c == '\t') {
			c = read();
		}
		if (c != SEPARATOR && c != DatasetText.END && !isLineEnd(c)) {
			throw this.text.invalid(this.text.line(), "is not valid CSV: a value has text after its closing quote");
		}
		return c;
	}

	// the header places the columns asked for; a record keeps their values
	private void complete() {
		int column = this.index++;
		if (this.values == null) {
			for (int i = 0; i < this.positions.length; i++) {
				if (this.positions[i] == NONE && this.columns.get(i).contentEquals(this.value)) {
					this.positions[i] = column;
				}
			}
			return;
		}
		if (column >= this.headerColumns) {
			throw this.text.invalid(this.recordLine,
					"is not valid CSV: it has more values than its header has columns");
		}
		for (int i = 0; i < this.positions.length; i++) {
			if (this.positions[i] == column) {
				this.values[i] = this.value.toString();
			}
		}
	}

	private void startValue() {
		this.value.setLength(0);
		this.valueBytes = 0;
	}

	private void append(int c, long valueLine) {
		this.valueBytes += this.lastBytes;
		if (this.valueBytes > this.maxValueBytes) {
			String column = columnName(this.index);
			throw this.text.invalid(valueLine, "has a value longer than " + this.limits.describeText()
					+ ((column != null) ? " in its column \"" + column + "\"" : ""));
		}
		this.value.append((char) c);
	}

	// the header's own values have no column name
	private @Nullable String columnName(int column) {
		if (this.values == null) {
			return null;
		}
		for (int i = 0; i < this.positions.length; i++) {
			if (this.positions[i] == column) {
				return this.columns.get(i);
			}
		}
		return null;
	}

	// every character of a record counts towards its bound, separators and quotes too
	private int read() {
		int c = this.text.read();
		if (c != DatasetText.END) {
			this.lastBytes = DatasetLimits.utf8Bytes((char) c);
			this.recordBytes += this.lastBytes;
			if (this.recordBytes > this.maxRecordBytes) {
				throw this.text.invalid(this.recordLine,
						"has a record longer than " + this.limits.describeLine("record"));
			}
		}
		return c;
	}

	private void endLine(int c) {
		if (c == '\r') {
			this.text.readIf('\n');
		}
	}

	private static boolean isLineEnd(int c) {
		return c == '\n' || c == '\r';
	}

}

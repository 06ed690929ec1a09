# hvsh — build, test, benchmark.   make | make check | make check-asan | make bench | make fuzz
CC      ?= cc
PKGS    := libmnl libpcre2-8 jansson
# libvirt, libxml2 and libnftables are dlopen()ed on first use: headers only at build time.
DLPKGS  := libvirt libxml-2.0 libnftables
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wformat=2 -Wimplicit-fallthrough -Wno-format-nonliteral
CFLAGS  ?= -O2 -g
ALLCFLAGS = -std=c17 -D_GNU_SOURCE -I. $(WARN) $(CFLAGS) $(shell pkg-config --cflags $(PKGS) $(DLPKGS) 2>/dev/null)
LDLIBS  = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lreadline -ldl -lm -lpthread

SRC     := $(sort $(wildcard parser/*.c pipeline/*.c cmdlets/*.c engine/*.c shell/*.c))
LIBSRC  := $(filter-out shell/main.c,$(SRC))
UNITSRC := $(sort $(wildcard tests/unit/*.c))

B       ?= build
OBJ     := $(SRC:%.c=$(B)/%.o)
LIBOBJ  := $(LIBSRC:%.c=$(B)/%.o)
UNITBIN := $(UNITSRC:tests/unit/%.c=$(B)/tests/%)

.PHONY: all deps check check-asan check-fast bench fuzz clean demo install
PREFIX  ?= /usr/local
all: deps hvsh

# Install the Debian packages when a library is missing (scripts/install-deps.sh).
deps:
	@pkg-config --exists $(PKGS) $(DLPKGS) && [ -f /usr/include/readline/readline.h ] || scripts/install-deps.sh

hvsh: $(B)/hvsh
	@cp $(B)/hvsh hvsh.tmp.$$$$ && mv -f hvsh.tmp.$$$$ hvsh

$(B)/hvsh: $(OBJ)
	@printf '  LINK    %s\n' $@
	@$(CC) $(ALLCFLAGS) -o $@ $^ $(LDLIBS)

$(B)/%.o: %.c | deps
	@mkdir -p $(dir $@)
	@printf '  CC      %s\n' $<
	@$(CC) $(ALLCFLAGS) -MMD -MP -c -o $@ $<

-include $(OBJ:.o=.d)

# Unit tests link only the layers they test: parser_* -> parser/, engine_* -> engine/,
# pipeline_* -> parser/ + pipeline/, anything else -> every library object.
PARSEROBJ   := $(filter $(B)/parser/%,$(LIBOBJ))
ENGINEOBJ   := $(filter $(B)/engine/%,$(LIBOBJ))
PIPELINEOBJ := $(PARSEROBJ) $(filter $(B)/pipeline/%,$(LIBOBJ))
$(B)/tests/parser_%: tests/unit/parser_%.c $(PARSEROBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -o $@ $^ $(LDLIBS)
$(B)/tests/engine_%: tests/unit/engine_%.c $(ENGINEOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -o $@ $^ $(LDLIBS)
$(B)/tests/pipeline_%: tests/unit/pipeline_%.c $(PIPELINEOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -o $@ $^ $(LDLIBS)
$(B)/tests/%: tests/unit/%.c $(LIBOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -o $@ $^ $(LDLIBS)

units: $(UNITBIN)

# The ASan+UBSan build: same sources and tests in build-asan/.
ASANFLAGS = CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"

# The whole suite: normal build, then the same suite under ASan+UBSan. Last line: N passed, N failed.
check: deps
	@$(MAKE) --no-print-directory hvsh units
	@$(MAKE) --no-print-directory B=build-asan $(ASANFLAGS) build-asan/hvsh units
	@tests/run.sh --both

check-fast: deps
	@$(MAKE) --no-print-directory hvsh units
	@tests/run.sh --normal

check-asan: deps
	@$(MAKE) --no-print-directory B=build-asan $(ASANFLAGS) build-asan/hvsh units
	@tests/run.sh --asan


demo: all
	@scripts/demo

bench: all
	@scripts/bench

fuzz:
	@scripts/fuzz

install: hvsh
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0755 hvsh $(DESTDIR)$(PREFIX)/bin/hvsh
	install -m 0644 shell/hvsh.1 $(DESTDIR)$(PREFIX)/share/man/man1/hvsh.1
	install -d $(DESTDIR)/etc/systemd/system
	install -m 0644 scripts/hvsh-restore.service $(DESTDIR)/etc/systemd/system/hvsh-restore.service

clean:
	rm -rf build build-asan build-fuzz hvsh

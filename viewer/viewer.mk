# The viewer page (mdriver -H): viewer.html, viewer.css and viewer.js are
# embedded into the driver as a generated header, by viewer/embed, a small
# C program built first. driver/viewer.c includes it.

VIEWER_SOURCES = viewer/viewer.html viewer/viewer.css viewer/viewer.js
VIEWER_GEN     = build/gen

$(VIEWER_GEN)/embed: viewer/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -o $@ $<

$(VIEWER_GEN)/viewer_assets.h: $(VIEWER_SOURCES) $(VIEWER_GEN)/embed
	$(VIEWER_GEN)/embed viewer_html=viewer/viewer.html viewer_css=viewer/viewer.css \
	    viewer_js=viewer/viewer.js > $@.tmp && mv $@.tmp $@

$(B)/driver/viewer.o $(D)/driver/viewer.o: $(VIEWER_GEN)/viewer_assets.h
$(B)/driver/viewer.o $(D)/driver/viewer.o: CPPFLAGS += -I$(VIEWER_GEN)

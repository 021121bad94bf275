/*
 * embed.c - turn the viewer's sources into a C header, for the build.
 *
 *   embed NAME=FILE... > viewer_assets.h
 *
 * writes, for each FILE, `static const char NAME[] = {...};`: its bytes as
 * octal character constants ('\074', whatever the signedness of char) and
 * a terminating 0, so that no character of the source needs escaping by
 * hand and the page in the driver is byte for byte the file.
 */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    printf("/* Made by viewer/embed from the files in viewer/: do not edit. */\n");
    for (int i = 1; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        if (eq == NULL) {
            fprintf(stderr, "embed: '%s' is not NAME=FILE\n", argv[i]);
            return 2;
        }
        *eq = '\0';
        FILE *f = fopen(eq + 1, "rb");
        if (f == NULL) {
            fprintf(stderr, "embed: cannot open '%s'\n", eq + 1);
            return 2;
        }
        printf("static const char %s[] = {", argv[i]);
        int c;
        for (size_t n = 0; (c = getc(f)) != EOF; n++)
            printf("%s'\\%03o',", n % 16 == 0 ? "\n    " : "", (unsigned)c);
        printf("\n    0};\n");
        if (ferror(f)) {
            fprintf(stderr, "embed: cannot read '%s'\n", eq + 1);
            return 2;
        }
        fclose(f);
    }
    return ferror(stdout) ? 2 : 0;
}

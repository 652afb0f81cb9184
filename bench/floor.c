/*
 * The benchmark's floor: read every file named in a list and parse it with libyaml's event
 * API, doing nothing with the events. No tool that reads these manifests through libyaml
 * can be faster; `techstack scorecard` is measured against it.
 *
 * usage: floor FILES.txt   (one path a line)
 * build: cc -O2 -o floor floor.c -lyaml
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static unsigned char *slurp(const char *path, size_t *size) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    size_t capacity = 1 << 16, used = 0;
    unsigned char *bytes = malloc(capacity);
    size_t n;
    while (bytes && (n = fread(bytes + used, 1, capacity - used, file)) > 0) {
        used += n;
        if (used == capacity) {
            unsigned char *grown = realloc(bytes, capacity *= 2);
            if (!grown) { free(bytes); bytes = NULL; }
            else bytes = grown;
        }
    }
    fclose(file);
    *size = used;
    return bytes;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: floor FILES.txt\n");
        return 2;
    }
    FILE *list = fopen(argv[1], "r");
    if (!list) {
        perror(argv[1]);
        return 2;
    }
    char path[4096];
    unsigned long files = 0, events = 0, failures = 0;
    while (fgets(path, sizeof path, list)) {
        path[strcspn(path, "\n")] = 0;
        if (!*path) continue;
        size_t size = 0;
        unsigned char *bytes = slurp(path, &size);
        if (!bytes) {
            perror(path);
            failures++;
            continue;
        }
        yaml_parser_t parser;
        yaml_event_t event;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_string(&parser, bytes, size);
        for (;;) {
            if (!yaml_parser_parse(&parser, &event)) {
                failures++;
                break;
            }
            events++;
            int done = event.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&event);
            if (done) break;
        }
        yaml_parser_delete(&parser);
        free(bytes);
        files++;
    }
    fclose(list);
    printf("%lu files, %lu events, %lu failures\n", files, events, failures);
    return failures ? 1 : 0;
}

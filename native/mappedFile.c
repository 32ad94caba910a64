/*
 * A file mapped into memory, shared with the page cache (issue 13): server/storage/sqlite/mappedFile.ts
 * loads it, the append journal (appendJournal.ts) writes its records through the ArrayBuffer it gives. A
 * byte written there is in the operating system's cache at once — no system call per record — and so
 * survives the process being killed, as a SQLite commit in WAL mode with synchronous=NORMAL does.
 *
 * map(path, size): opens or creates the file, takes an exclusive flock on it (one writer: a second map of a
 * locked file throws an Error whose code is 'EBUSY'), allocates `size` bytes of disk for it (so that a write
 * through the mapping never meets a full disk, which would kill the process with SIGBUS) and maps them.
 * Returns { buffer: ArrayBuffer }. unmap(mapping): detaches the buffer, unmaps it and releases the lock.
 *
 * Built by scripts/buildNative.mjs when the packages are installed (`npm ci`).
 */
#define _GNU_SOURCE
#define NAPI_VERSION 8
#include <errno.h>
#include <fcntl.h>
#include <node_api.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
  void *addr;
  size_t length;
  int fd;
  int unmapped;
} Mapping;

/* Throws an Error with `code` set (e.g. 'EBUSY') and the system's message. */
static void throw_errno(napi_env env, const char *what, int error) {
  char message[4200];
  snprintf(message, sizeof message, "%s: %s", what, strerror(error));
  const char *code = error == EWOULDBLOCK ? "EBUSY" : "EIO";
  napi_throw_error(env, code, message);
}

static void release(Mapping *mapping) {
  if (mapping->unmapped) return;
  mapping->unmapped = 1;
  munmap(mapping->addr, mapping->length);
  close(mapping->fd);
}

/* The buffer was collected without unmap(): unmap now. The Mapping itself is kept (a few bytes per map). */
static void buffer_finalized(napi_env env, void *data, void *hint) {
  (void)env;
  (void)data;
  release((Mapping *)hint);
}

static napi_value map_file(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  char path[4096];
  size_t path_length = 0;
  double size = 0;
  if (argc < 2 || napi_get_value_string_utf8(env, argv[0], path, sizeof path, &path_length) != napi_ok ||
      napi_get_value_double(env, argv[1], &size) != napi_ok || size < 1 || size > (double)(1u << 30) ||
      path_length >= sizeof path - 1) {
    napi_throw_type_error(env, NULL, "map(path: string, size: number between 1 and 2^30)");
    return NULL;
  }
  int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    throw_errno(env, path, errno);
    return NULL;
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int error = errno;
    close(fd);
    throw_errno(env, error == EWOULDBLOCK ? "the journal is in use by another store" : path, error);
    return NULL;
  }
  int error = posix_fallocate(fd, 0, (off_t)size);
  if (error != 0) {
    close(fd);
    throw_errno(env, path, error);
    return NULL;
  }
  void *addr = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (addr == MAP_FAILED) {
    error = errno;
    close(fd);
    throw_errno(env, path, error);
    return NULL;
  }
  Mapping *mapping = calloc(1, sizeof *mapping);
  mapping->addr = addr;
  mapping->length = (size_t)size;
  mapping->fd = fd;
  napi_value result, buffer;
  napi_create_object(env, &result);
  if (napi_create_external_arraybuffer(env, addr, mapping->length, buffer_finalized, mapping, &buffer) != napi_ok) {
    release(mapping);
    napi_throw_error(env, NULL, "could not make an ArrayBuffer of the mapped file");
    return NULL;
  }
  napi_set_named_property(env, result, "buffer", buffer);
  napi_wrap(env, result, mapping, NULL, NULL, NULL);
  return result;
}

static napi_value unmap_file(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  Mapping *mapping = NULL;
  if (argc < 1 || napi_unwrap(env, argv[0], (void **)&mapping) != napi_ok || mapping == NULL) {
    napi_throw_type_error(env, NULL, "unmap(mapping): not a mapping made by map()");
    return NULL;
  }
  napi_value buffer;
  bool is_buffer = false;
  if (napi_get_named_property(env, argv[0], "buffer", &buffer) == napi_ok &&
      napi_is_arraybuffer(env, buffer, &is_buffer) == napi_ok && is_buffer) {
    // Views of a detached buffer read as empty: nothing can touch the memory once it is unmapped.
    napi_detach_arraybuffer(env, buffer);
  }
  release(mapping);
  return NULL;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "map", NAPI_AUTO_LENGTH, map_file, NULL, &fn);
  napi_set_named_property(env, exports, "map", fn);
  napi_create_function(env, "unmap", NAPI_AUTO_LENGTH, unmap_file, NULL, &fn);
  napi_set_named_property(env, exports, "unmap", fn);
  return exports;
}

NAPI_MODULE(mapped_file, init)

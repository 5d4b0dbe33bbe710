package io.uptake.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void numbersReadAloudWithAVowelSoundTakeAn() {
        assertThat(Words.article(8)).isEqualTo("an");
        assertThat(Words.article(11)).isEqualTo("an");
        assertThat(Words.article(18)).isEqualTo("an");
        assertThat(Words.article(80)).isEqualTo("an");
        assertThat(Words.article(800)).isEqualTo("an");
        assertThat(Words.article(11_000)).isEqualTo("an");
    }

    @Test
    void otherNumbersTakeA() {
        assertThat(Words.article(1)).isEqualTo("a");
        assertThat(Words.article(10)).isEqualTo("a");
        assertThat(Words.article(40)).isEqualTo("a");
        assertThat(Words.article(110)).isEqualTo("a");
        assertThat(Words.article(181)).isEqualTo("a");
        assertThat(Words.article(1_100)).isEqualTo("a");
    }

    @Test
    void aCountOfOneIsSingular() {
        assertThat(Words.count(1, "mistake")).isEqualTo("1 mistake");
        assertThat(Words.count(2, "mistake")).isEqualTo("2 mistakes");
        assertThat(Words.count(0, "mistake")).isEqualTo("0 mistakes");
        assertThat(Words.count(1, "person", "people")).isEqualTo("1 person");
        assertThat(Words.count(8, "person", "people")).isEqualTo("8 people");
    }
}

import unittest

from unigap import parse_self_answer


class ParseSelfAnswerTest(unittest.TestCase):
    def test_the_papers_format_and_yes_no_answers(self):
        self.assertEqual(parse_self_answer("The score is 1."), 1)
        self.assertEqual(parse_self_answer("the score is: 0"), 0)
        self.assertEqual(parse_self_answer("Yes, the image shows two dogs."), 1)
        self.assertEqual(parse_self_answer("No, only one dog."), 0)

    def test_anything_else_is_unparseable(self):
        for text in ["", None, "I cannot tell.", "The score is 5.", "The score is 1. Actually, the score is 0.", "Nobody knows"]:
            self.assertIsNone(parse_self_answer(text), text)


if __name__ == "__main__":
    unittest.main()
